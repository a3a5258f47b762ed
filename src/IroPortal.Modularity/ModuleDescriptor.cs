using System.Reflection;

namespace IroPortal.Modularity;

public sealed record ModuleDescriptor(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> Dependencies,
    bool AlwaysEnabled,
    Assembly Assembly,
    bool Enabled)
{
    public ModuleStartup? CreateStartup()
    {
        var type = Assembly.GetTypes().SingleOrDefault(t => typeof(ModuleStartup).IsAssignableFrom(t) && !t.IsAbstract);
        return type is null ? null : (ModuleStartup)Activator.CreateInstance(type)!;
    }
}

public sealed record ThemeDescriptor(string Id, string Name, Assembly Assembly);

/// <summary>Every module found, in dependency order, and the themes.</summary>
public sealed class ModuleCatalog(IReadOnlyList<ModuleDescriptor> modules, IReadOnlyList<ThemeDescriptor> themes)
{
    /// <summary>All modules, switched on or off, dependencies before dependants. Every module's tables
    /// stay in the schema when it is switched off, so switching it back on loses nothing.</summary>
    public IReadOnlyList<ModuleDescriptor> Modules { get; } = modules;
    public IEnumerable<ModuleDescriptor> Enabled => Modules.Where(m => m.Enabled);
    public IReadOnlyList<ThemeDescriptor> Themes { get; } = themes;

    public bool IsEnabled(string moduleId) => Modules.Any(m => m.Enabled && m.Id == moduleId);
}

public sealed class ModuleLoadException(string message) : Exception(message);
