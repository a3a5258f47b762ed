using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Data.Migrations;

/// <summary>
/// EF Core looks for migrations in one assembly; the portal's live in the data project and in every
/// module. Migration ids start with a UTC timestamp, so the union sorts into the order they were written.
/// Migrations are hand-written (EF's design-time package cannot be restored here), so there is no model
/// snapshot: a test proves instead that the migrated schema equals the model on SQLite and PostgreSQL.
/// </summary>
public sealed class ModularMigrationsAssembly(ICurrentDbContext currentContext) : IMigrationsAssembly
{
    private readonly PortalDbContext _context = (PortalDbContext)currentContext.Context;
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Find();

    public ModelSnapshot? ModelSnapshot => null;

    public Assembly Assembly => typeof(PortalDbContext).Assembly;

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.FirstOrDefault(id => id == nameOrId || id.EndsWith("_" + nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private SortedDictionary<string, TypeInfo> Find()
    {
        var found = new SortedDictionary<string, TypeInfo>(StringComparer.Ordinal);
        var assemblies = _context.Catalog.Modules.Select(m => m.Assembly).Prepend(Assembly).Distinct();
        foreach (var type in assemblies.SelectMany(a => a.DefinedTypes))
        {
            if (type.IsAbstract || !type.IsSubclassOf(typeof(Migration))) continue;
            if (type.GetCustomAttribute<DbContextAttribute>()?.ContextType != typeof(PortalDbContext)) continue;
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id
                ?? throw new InvalidOperationException($"Migration {type.FullName} has no [Migration(\"id\")] attribute.");
            if (!found.TryAdd(id, type))
                throw new InvalidOperationException($"Two migrations share the id {id}: {found[id].FullName} and {type.FullName}.");
        }
        return found;
    }
}
