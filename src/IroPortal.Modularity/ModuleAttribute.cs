namespace IroPortal.Modularity;

/// <summary>Marks an assembly as a portal module: <c>[assembly: Module(Id = "...", Name = "...")]</c> in its Manifest.cs.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ModuleAttribute : Attribute
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Ids of the modules this one needs; the loader starts them first.</summary>
    public string[] Dependencies { get; set; } = [];

    /// <summary>A module the portal cannot work without (sign-in, for one): configuration cannot switch it off.</summary>
    public bool AlwaysEnabled { get; set; }
}

/// <summary>Marks an assembly as a theme: layouts and styles, and views that override a module's.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ThemeAttribute : Attribute
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}
