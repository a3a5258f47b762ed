using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;

namespace IroPortal.Modularity;

/// <summary>Finds the modules and themes, orders modules by dependency and applies configuration's switches.</summary>
public static class ModuleLoader
{
    /// <summary>The portal's assemblies beside the host (IroPortal.*.dll).</summary>
    public static IReadOnlyList<Assembly> FindPortalAssemblies(string directory) =>
        Directory.EnumerateFiles(directory, "IroPortal.*.dll")
            .Order(StringComparer.Ordinal)
            .Select(path => AssemblyLoadContext.Default.LoadFromAssemblyName(AssemblyName.GetAssemblyName(path)))
            .ToList();

    public static ModuleCatalog Load(IEnumerable<Assembly> assemblies, IConfiguration configuration)
    {
        var candidates = assemblies.Distinct().ToList();
        var found = new Dictionary<string, (ModuleAttribute Manifest, Assembly Assembly)>(StringComparer.Ordinal);
        var themes = new List<ThemeDescriptor>();
        foreach (var assembly in candidates)
        {
            if (assembly.GetCustomAttribute<ModuleAttribute>() is { } manifest)
            {
                if (string.IsNullOrWhiteSpace(manifest.Id))
                    throw new ModuleLoadException($"The module in {assembly.GetName().Name} has no Id in its manifest.");
                if (!found.TryAdd(manifest.Id, (manifest, assembly)))
                    throw new ModuleLoadException($"Two assemblies declare the module '{manifest.Id}': {found[manifest.Id].Assembly.GetName().Name} and {assembly.GetName().Name}.");
            }
            if (assembly.GetCustomAttribute<ThemeAttribute>() is { } theme)
                themes.Add(new ThemeDescriptor(theme.Id, theme.Name, assembly));
        }

        foreach (var (id, (manifest, _)) in found)
            foreach (var dependency in manifest.Dependencies.Where(d => !found.ContainsKey(d)))
                throw new ModuleLoadException($"Module '{id}' depends on '{dependency}', which was not found. Add the {dependency} module to the host or remove the dependency from {id}'s manifest.");

        var ordered = OrderByDependency(found.ToDictionary(f => f.Key, f => f.Value.Manifest.Dependencies));
        var enabled = new Dictionary<string, bool>();
        var modules = new List<ModuleDescriptor>();
        foreach (var id in ordered)
        {
            var (manifest, assembly) = found[id];
            var switchedOn = configuration.GetValue($"Modules:{id}:Enabled", true);
            if (!switchedOn && manifest.AlwaysEnabled)
                throw new ModuleLoadException($"Module '{id}' cannot be switched off (Modules:{id}:Enabled is false): the portal cannot work without it.");
            var missing = manifest.Dependencies.FirstOrDefault(d => !enabled[d]);
            if (switchedOn && missing is not null)
                throw new ModuleLoadException($"Module '{id}' needs '{missing}', which is switched off (Modules:{missing}:Enabled is false). Switch {missing} on, or switch {id} off too.");
            enabled[id] = switchedOn;
            modules.Add(new ModuleDescriptor(id, manifest.Name, manifest.Description, manifest.Dependencies, manifest.AlwaysEnabled, assembly, switchedOn));
        }
        return new ModuleCatalog(modules, themes.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>Dependencies first; otherwise by id, so the order never depends on the file system.</summary>
    public static IReadOnlyList<string> OrderByDependency(IReadOnlyDictionary<string, string[]> dependencies)
    {
        var order = new List<string>();
        var state = new Dictionary<string, bool>(); // false: being visited, true: done
        var path = new Stack<string>();

        void Visit(string id)
        {
            if (state.TryGetValue(id, out var done))
            {
                if (done) return;
                var cycle = path.Reverse().SkipWhile(p => p != id).Append(id);
                throw new ModuleLoadException($"Modules depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
            }
            state[id] = false;
            path.Push(id);
            foreach (var dependency in dependencies[id].Order(StringComparer.Ordinal))
                Visit(dependency);
            path.Pop();
            state[id] = true;
            order.Add(id);
        }

        foreach (var id in dependencies.Keys.Order(StringComparer.Ordinal))
            Visit(id);
        return order;
    }
}
