using System.Text.Json;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Performance.Tests;

public sealed class ChildKeysTests
{
    [Theory]
    [InlineData("", "Set DataProtection:ChildIdentifierKey")]
    [InlineData("not base64!", "DataProtection:ChildIdentifierKey is not base64")]
    [InlineData("c2hvcnQga2V5", "DataProtection:ChildIdentifierKey is 9 bytes; it must be at least 32")]
    public void Production_will_not_start_without_the_councils_key_for_childrens_identifiers(string key, string said)
    {
        using var app = new PortalApp(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "false", ["Security:RequireTwoFactor"] = "true", [ChildKeys.Setting] = key,
        });
        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains(said, failure.ToString());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Rows_imported_before_keyed_hashing_are_rehashed_at_the_next_start_and_the_figures_do_not_change(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?>();
        int year;
        string figures, key, id;
        await using (var first = new PortalApp(provider))
        {
            year = ReportingYear.Containing(UkTime.Today(first.Clock)) - 1;
            figures = JsonSerializer.Serialize(await first.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(year)));
            // A demo child with reviews in the year, by the return's identifier.
            var keys = first.Services.GetRequiredService<ChildKeys>();
            var reviewed = (await first.InDatabase(db => db.Set<CareReview>().Where(r => r.YearStart == year).Select(r => r.ChildKey).Distinct().ToListAsync())).ToHashSet();
            id = Enumerable.Range(700000, 5000).Select(i => i.ToString()).First(i => reviewed.Contains(keys.Of(i)));
            key = keys.Of(id);
            // As an older version stored them: the return's own identifiers.
            await first.InDatabase(async db =>
                await db.Set<CareChild>().Where(c => c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, id))
                + await db.Set<CareEpisode>().Where(c => c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, id))
                + await db.Set<CareReview>().Where(c => c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, id))
                + await db.Set<IroAllocation>().Where(c => c.ChildKey == key).ExecuteUpdateAsync(u => u.SetProperty(c => c.ChildKey, id)));
            Assert.True(await first.InDatabase(db => db.Set<CareReview>().AnyAsync(r => r.ChildKey == id)));
            settings["Database:ConnectionString"] = first.ConnectionString;
        }
        await using var second = new PortalApp(provider, settings);
        await second.InDatabase(async db =>
        {
            Assert.False(await db.Set<CareChild>().AnyAsync(c => c.ChildKey.Length != ChildKeys.Length));
            Assert.False(await db.Set<CareEpisode>().AnyAsync(c => c.ChildKey.Length != ChildKeys.Length));
            Assert.False(await db.Set<CareReview>().AnyAsync(c => c.ChildKey.Length != ChildKeys.Length));
            Assert.False(await db.Set<IroAllocation>().AnyAsync(c => c.ChildKey.Length != ChildKeys.Length));
            Assert.True(await db.Set<CareChild>().AnyAsync(c => c.ChildKey == key));
            return 0;
        });
        Assert.Equal(figures, JsonSerializer.Serialize(await second.InScope<IReviewFigures, ReviewFigures>(f => f.ForYearAsync(year))));
    }
}
