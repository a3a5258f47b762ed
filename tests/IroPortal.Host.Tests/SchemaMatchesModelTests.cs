#pragma warning disable EF1001 // the scaffolding readers are internal API; they read a live schema in one shape for both providers
using IroPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Host.Tests;

/// <summary>
/// Migrations are written by hand, so nothing but this test proves they build the schema the model
/// expects: tables, columns, store types, nullability, primary keys, indexes and foreign keys, both ways.
/// </summary>
public sealed class SchemaMatchesModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Migrations_build_exactly_the_schema_the_model_describes(DatabaseProvider provider)
    {
        await using var app = new PortalApp(provider, new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        using var scope = app.Services.CreateScope(); // starting the host applies the migrations to the empty database
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var expected = Describe(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        var actual = Describe(ReadDatabase(db, provider));

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrated {provider} schema differs from the model.\nIn the model but not the database:\n  {string.Join("\n  ", missing)}\nIn the database but not the model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(expected, e => e.StartsWith("column Users_Users.Email", StringComparison.Ordinal)); // the comparison saw real tables
    }

    private static DatabaseModel ReadDatabase(PortalDbContext db, DatabaseProvider provider)
    {
        var logger = db.GetService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>();
        IDatabaseModelFactory reader = provider == DatabaseProvider.PostgreSQL
            ? new Npgsql.EntityFrameworkCore.PostgreSQL.Scaffolding.Internal.NpgsqlDatabaseModelFactory(logger)
            : new Microsoft.EntityFrameworkCore.Sqlite.Scaffolding.Internal.SqliteDatabaseModelFactory(logger, db.GetService<IRelationalTypeMappingSource>());
        return reader.Create(db.Database.GetDbConnection(), new DatabaseModelFactoryOptions());
    }

    private static HashSet<string> Describe(IRelationalModel model)
    {
        var facts = new HashSet<string>();
        foreach (var table in model.Tables)
        {
            facts.Add($"table {table.Name}");
            foreach (var column in table.Columns)
                facts.Add($"column {table.Name}.{column.Name} {Normalise(column.StoreType)} {(column.IsNullable ? "null" : "not null")}");
            if (table.PrimaryKey is { } key)
                facts.Add($"primary key {table.Name} ({string.Join(", ", key.Columns.Select(c => c.Name))})");
            foreach (var index in table.Indexes)
                facts.Add($"index {table.Name}.{index.Name} ({string.Join(", ", index.Columns.Select(c => c.Name))}){(index.IsUnique ? " unique" : "")}");
            foreach (var fk in table.ForeignKeyConstraints)
                facts.Add($"foreign key {table.Name} ({string.Join(", ", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} ({string.Join(", ", fk.PrincipalColumns.Select(c => c.Name))}) on delete {fk.OnDeleteAction}");
        }
        return facts;
    }

    private static HashSet<string> Describe(DatabaseModel database)
    {
        var facts = new HashSet<string>();
        // EF's own bookkeeping tables are not part of the model, nor is Hangfire's schema (Hangfire installs and
        // upgrades it itself). The Quartz job store of the older scheduler must be gone: it is not excused.
        foreach (var table in database.Tables.Where(t => !t.Name.StartsWith("__EF", StringComparison.Ordinal)
                     && t.Schema != IroPortal.Notifications.Services.HangfireSchema.Name))
        {
            facts.Add($"table {table.Name}");
            foreach (var column in table.Columns)
                facts.Add($"column {table.Name}.{column.Name} {Normalise(column.StoreType!)} {(column.IsNullable ? "null" : "not null")}");
            if (table.PrimaryKey is { } key)
                facts.Add($"primary key {table.Name} ({string.Join(", ", key.Columns.Select(c => c.Name))})");
            foreach (var index in table.Indexes)
                facts.Add($"index {table.Name}.{index.Name} ({string.Join(", ", index.Columns.Select(c => c!.Name))}){(index.IsUnique ? " unique" : "")}");
            foreach (var fk in table.ForeignKeys)
                facts.Add($"foreign key {table.Name} ({string.Join(", ", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} ({string.Join(", ", fk.PrincipalColumns.Select(c => c.Name))}) on delete {ToAction(fk.OnDelete)}");
        }
        return facts;
    }

    private static ReferentialAction ToAction(ReferentialAction? action) => action ?? ReferentialAction.NoAction;

    private static string Normalise(string storeType) => storeType.Trim().ToLowerInvariant();
}
