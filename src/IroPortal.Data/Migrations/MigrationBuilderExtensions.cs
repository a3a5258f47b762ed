using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace IroPortal.Data.Migrations;

/// <summary>Helpers that keep hand-written migrations provider-neutral.</summary>
public static class MigrationBuilderExtensions
{
    /// <summary>An integer key the database numbers itself, on SQLite and PostgreSQL alike.</summary>
    public static OperationBuilder<AddColumnOperation> DatabaseGenerated(this OperationBuilder<AddColumnOperation> column) =>
        column.Annotation("Sqlite:Autoincrement", true)
              .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
