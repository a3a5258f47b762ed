using System.Net;
using IroPortal.Data;
using IroPortal.Publishing.Models;
using IroPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IroPortal.Host.Tests;

/// <summary>The database goes away (made for real: PostgreSQL refuses this portal's database and ends its
/// connections). The public report keeps being served from the cache, staff get the friendly error page with the
/// security headers, and the portal recovers by itself when the database returns.</summary>
public sealed class StayingUpTests
{
    private static async Task SetConnectionsAllowed(PortalApp app, bool allowed)
    {
        var database = new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin)) await alter.ExecuteNonQueryAsync();
        if (!allowed)
            await using (var end = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", admin) { Parameters = { new("name", database) } })
                await end.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task With_the_database_away_the_public_report_is_served_from_the_cache_and_staff_get_the_friendly_page_with_its_headers()
    {
        await using var app = new PortalApp(DatabaseProvider.PostgreSQL);
        var year = await app.InDatabase(db => db.Set<Release>().Where(r => r.Audience == Audience.Public).Select(r => r.YearStart).SingleAsync());
        var visitor = app.NewClient();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var report = await visitor.GetStringAsync($"/reports/{year}");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/qa")).StatusCode);

        await SetConnectionsAllowed(app, false);
        try
        {
            app.Clock.Advance(TimeSpan.FromSeconds(10)); // past the time the cache's stamp is read again from the database
            var cached = await visitor.GetAsync($"/reports/{year}");
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal(report, await cached.Content.ReadAsStringAsync());

            var failed = await manager.GetAsync("/qa");
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
            var page = await failed.Content.ReadAsStringAsync();
            Assert.Contains("Sorry, there is a problem with the service", page);
            Assert.DoesNotContain("Npgsql", page);
            Assert.Equal("nosniff", failed.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", failed.Headers.GetValues("X-Frame-Options").Single());
            Assert.StartsWith("default-src 'self'", failed.Headers.GetValues("Content-Security-Policy").Single());
        }
        finally
        {
            await SetConnectionsAllowed(app, true);
        }
        NpgsqlConnection.ClearAllPools();
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/qa")).StatusCode);
    }
}
