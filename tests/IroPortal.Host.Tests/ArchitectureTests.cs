using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using IroPortal.Data;
using IroPortal.Modularity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Host.Tests;

/// <summary>
/// The walls between modules, generated from the module list: a rule for every pair of modules, so a new
/// module is covered the day it is added.
/// </summary>
public sealed class ArchitectureTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private ModuleCatalog Catalog => portal.App.Services.GetRequiredService<ModuleCatalog>();

    [Fact]
    public void A_module_uses_another_only_through_its_contracts_and_only_when_its_manifest_declares_the_dependency()
    {
        var byAssembly = Catalog.Modules.ToDictionary(m => m.Assembly.GetName().Name!, m => m);
        var breaches = new List<string>();
        foreach (var module in Catalog.Modules)
        {
            foreach (var (assembly, ns, name) in TypesReferencedBy(module.Assembly))
            {
                if (!byAssembly.TryGetValue(assembly, out var other) || other == module) continue;
                if (!ns.EndsWith(".Contracts", StringComparison.Ordinal))
                    breaches.Add($"{module.Id} uses {ns}.{name}, which is not in {other.Id}'s Contracts namespace");
                if (!module.Dependencies.Contains(other.Id))
                    breaches.Add($"{module.Id} uses {other.Id} but its manifest does not declare the dependency");
            }
        }
        Assert.True(breaches.Count == 0, string.Join("\n", breaches.Distinct()));
        Assert.True(Catalog.Modules.Count >= 2);
    }

    [Fact]
    public void Every_table_carries_the_prefix_of_the_module_that_owns_it()
    {
        using var scope = portal.App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
        var owners = Catalog.Modules.ToDictionary(m => m.Assembly, m => m.Id);
        owners[typeof(PortalDbContext).Assembly] = "Data";
        var prefixes = owners.Values.Select(id => id + "_").ToList();
        var breaches = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            var table = entity.GetTableName() ?? "";
            // Entity types a module defines carry its prefix; shared framework types (identity's) carry the
            // prefix of the module that configures them.
            var expected = owners.TryGetValue(entity.ClrType.Assembly, out var owner) ? [owner + "_"] : prefixes;
            if (!expected.Any(prefix => table.StartsWith(prefix, StringComparison.Ordinal)))
                breaches.Add($"{entity.DisplayName()} is stored in {table}, which does not start with {string.Join(" or ", expected)}");
        }
        Assert.True(breaches.Count == 0, string.Join("\n", breaches));
    }

    /// <summary>Every type an assembly's code refers to in another assembly, read from its metadata.</summary>
    private static IEnumerable<(string Assembly, string Namespace, string Name)> TypesReferencedBy(Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            var scope = type.ResolutionScope;
            while (scope.Kind == HandleKind.TypeReference) // nested types: walk out to the declaring type
            {
                var outer = reader.GetTypeReference((TypeReferenceHandle)scope);
                type = outer;
                scope = outer.ResolutionScope;
            }
            if (scope.Kind != HandleKind.AssemblyReference) continue;
            var target = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
            yield return (target, reader.GetString(type.Namespace), reader.GetString(type.Name));
        }
    }
}
