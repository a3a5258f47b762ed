using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.Performance.Data.Migrations;

/// <summary>Imported rows keep only what the figures use: the child as a keyed hash (ChildId becomes ChildKey, wide
/// enough for one; <c>ChildKeysUpgrade</c> hashes the identifiers already held, as it needs the key a migration
/// cannot reach), the month of birth instead of the date, and whether the child was 4 or over at each review.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261205090000_Performance_ChildKeys")]
public sealed class PerformanceChildKeys : Migration
{
    private const string P = "Performance_";
    private static readonly string[] Tables = ["Children", "Episodes", "Reviews", "Allocations"];

    protected override void Up(MigrationBuilder m)
    {
        var postgres = m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
        m.AddColumn<DateOnly>("BirthMonth", P + "Children", nullable: false, defaultValue: new DateOnly(1, 1, 1));
        m.AddColumn<bool>("AgedFourOrOver", P + "Reviews", nullable: false, defaultValue: false);
        if (postgres)
        {
            m.Sql("""UPDATE "Performance_Children" SET "BirthMonth" = date_trunc('month', "DateOfBirth")::date;""");
            m.Sql("""
                UPDATE "Performance_Reviews" r SET "AgedFourOrOver" = TRUE FROM "Performance_Children" c
                WHERE c."YearStart" = r."YearStart" AND c."ChildId" = r."ChildId" AND r."ReviewDate" >= (c."DateOfBirth" + interval '4 years')::date;
                """);
        }
        else
        {
            m.Sql("UPDATE Performance_Children SET BirthMonth = substr(DateOfBirth, 1, 8) || '01';");
            m.Sql("""
                UPDATE Performance_Reviews SET AgedFourOrOver = 1 WHERE EXISTS (SELECT 1 FROM Performance_Children c
                WHERE c.YearStart = Performance_Reviews.YearStart AND c.ChildId = Performance_Reviews.ChildId AND Performance_Reviews.ReviewDate >= date(c.DateOfBirth, '+4 years'));
                """);
        }
        // SQLite drops and renames a column in place (3.35 and later); EF's own way rebuilds the table from a model
        // that a hand-written migration does not carry. Its TEXT has no length to widen.
        if (postgres) m.DropColumn("DateOfBirth", P + "Children");
        else m.Sql("ALTER TABLE Performance_Children DROP COLUMN DateOfBirth;");
        foreach (var table in Tables)
        {
            m.RenameColumn("ChildId", P + table, "ChildKey");
            if (postgres) m.AlterColumn<string>("ChildKey", P + table, maxLength: 64, nullable: false, oldMaxLength: 20, oldNullable: false);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        // The dates of birth and the identifiers are gone: going back keeps the rows, keyed as they are (so wider).
        foreach (var table in Tables) m.RenameColumn("ChildKey", P + table, "ChildId");
        m.AddColumn<DateOnly>("DateOfBirth", P + "Children", nullable: false, defaultValue: new DateOnly(1, 1, 1));
        m.Sql(m.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? """ALTER TABLE "Performance_Children" DROP COLUMN "BirthMonth"; ALTER TABLE "Performance_Reviews" DROP COLUMN "AgedFourOrOver";"""
            : "ALTER TABLE Performance_Children DROP COLUMN BirthMonth; ALTER TABLE Performance_Reviews DROP COLUMN AgedFourOrOver;");
    }
}
