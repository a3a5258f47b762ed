using System.Reflection;
using System.Reflection.Emit;
using IroPortal.Modularity;
using Microsoft.Extensions.Configuration;

namespace IroPortal.Modularity.Tests;

public sealed class ModuleLoaderTests
{
    /// <summary>An in-memory assembly carrying a real module manifest.</summary>
    private static Assembly Module(string id, string[]? dependencies = null, bool alwaysEnabled = false)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"IroPortal.Fake.{id}.{Guid.NewGuid():N}"), AssemblyBuilderAccess.Run);
        var type = typeof(ModuleAttribute);
        assembly.SetCustomAttribute(new CustomAttributeBuilder(type.GetConstructor(Type.EmptyTypes)!, [],
            [type.GetProperty(nameof(ModuleAttribute.Id))!, type.GetProperty(nameof(ModuleAttribute.Name))!, type.GetProperty(nameof(ModuleAttribute.Dependencies))!, type.GetProperty(nameof(ModuleAttribute.AlwaysEnabled))!],
            [id, id, dependencies ?? [], alwaysEnabled]));
        return assembly;
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Modules_start_after_the_modules_they_depend_on()
    {
        var catalog = ModuleLoader.Load([Module("Reports", ["Quality", "Users"]), Module("Users"), Module("Quality", ["Users"]), Module("Audit")], Settings());
        Assert.Equal(["Audit", "Users", "Quality", "Reports"], catalog.Modules.Select(m => m.Id));
    }

    [Fact]
    public void A_missing_dependency_stops_the_portal_with_a_message_naming_both()
    {
        var error = Assert.Throws<ModuleLoadException>(() => ModuleLoader.Load([Module("Reports", ["Quality"])], Settings()));
        Assert.Equal("Module 'Reports' depends on 'Quality', which was not found. Add the Quality module to the host or remove the dependency from Reports's manifest.", error.Message);
    }

    [Fact]
    public void A_dependency_cycle_stops_the_portal_and_shows_the_cycle()
    {
        var error = Assert.Throws<ModuleLoadException>(() => ModuleLoader.Load([Module("A", ["B"]), Module("B", ["C"]), Module("C", ["A"])], Settings()));
        Assert.Equal("Modules depend on each other in a cycle: A -> B -> C -> A.", error.Message);
    }

    [Fact]
    public void Configuration_switches_a_module_off_but_keeps_it_in_the_catalog()
    {
        var catalog = ModuleLoader.Load([Module("Users"), Module("Quality", ["Users"])], Settings(("Modules:Quality:Enabled", "false")));
        Assert.Equal(["Users"], catalog.Enabled.Select(m => m.Id));
        Assert.Equal(2, catalog.Modules.Count);
        Assert.False(catalog.IsEnabled("Quality"));
    }

    [Fact]
    public void A_module_cannot_stay_on_when_a_module_it_needs_is_switched_off()
    {
        var error = Assert.Throws<ModuleLoadException>(() =>
            ModuleLoader.Load([Module("Users"), Module("Quality", ["Users"]), Module("Reports", ["Quality"])], Settings(("Modules:Quality:Enabled", "false"))));
        Assert.Contains("Module 'Reports' needs 'Quality', which is switched off", error.Message);
    }

    [Fact]
    public void An_always_enabled_module_cannot_be_switched_off()
    {
        var error = Assert.Throws<ModuleLoadException>(() => ModuleLoader.Load([Module("Users", alwaysEnabled: true)], Settings(("Modules:Users:Enabled", "false"))));
        Assert.Contains("cannot be switched off", error.Message);
    }

    [Fact]
    public void Two_assemblies_claiming_one_module_id_are_refused()
    {
        var error = Assert.Throws<ModuleLoadException>(() => ModuleLoader.Load([Module("Users"), Module("Users")], Settings()));
        Assert.Contains("Two assemblies declare the module 'Users'", error.Message);
    }
}
