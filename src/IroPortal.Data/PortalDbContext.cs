using IroPortal.Modularity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IroPortal.Data;

/// <summary>
/// One model that every module contributes its own tables to (IEntityTypeConfiguration classes in its
/// assembly, table names under its own prefix). A module reads only its own entity types; the
/// architecture tests keep it so.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options, ModuleCatalog catalog) : DbContext(options)
{
    public ModuleCatalog Catalog { get; } = catalog;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        // Switched-off modules keep their tables, so switching one back on finds its data as it was.
        foreach (var module in Catalog.Modules.Where(m => HasEntityConfigurations(m.Assembly)))
            modelBuilder.ApplyConfigurationsFromAssembly(module.Assembly);
    }

    private static bool HasEntityConfigurations(System.Reflection.Assembly assembly) =>
        assembly.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Times are stored in UTC; SQLite hands them back with no kind, PostgreSQL insists on one.</summary>
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
