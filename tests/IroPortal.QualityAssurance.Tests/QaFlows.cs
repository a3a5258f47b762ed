using System.Net;
using System.Text.RegularExpressions;
using IroPortal.Data;
using IroPortal.QualityAssurance.Models;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.QualityAssurance.Tests;

/// <summary>Helpers that fill in the QA forms as a browser would.</summary>
internal static partial class QaFlows
{
    [GeneratedRegex("data-testid=\"feedback-link\">([^<]+)<")]
    private static partial Regex FeedbackLink();

    public static async Task<Guid> IroId(PortalApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        var iros = await scope.ServiceProvider.GetRequiredService<IStaffDirectory>().InRoleAsync("IRO");
        return iros.Single(i => i.Email == email).Id;
    }

    public static KeyValuePair<string, string> F(string key, string value) => KeyValuePair.Create(key, value);

    public static IEnumerable<KeyValuePair<string, string>> Date(string field, DateOnly date) =>
        [F($"{field}.Day", date.Day.ToString()), F($"{field}.Month", date.Month.ToString()), F($"{field}.Year", date.Year.ToString())];

    public static List<KeyValuePair<string, string>> Observation(Guid iro, DateOnly on, string submit = "share", string caseReference = "NM-10234", string strengths = "Met the child first.")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            F("IroId", iro.ToString()), F("CaseReference", caseReference), F("OverallGrade", "Good"), F("Strengths", strengths),
            F("AreasForDevelopment", "Send the record sooner."), F("Submit", submit), F("Actions[0].Description", "Send review records within 20 working days"),
        };
        fields.AddRange(Date("ObservedOn", on));
        fields.AddRange(Date("Actions[0].DueOn", on.AddMonths(2)));
        foreach (var (standard, i) in Enum.GetValues<ObservationStandard>().Select((s, i) => (s, i)))
        {
            fields.Add(F($"Standards[{i}].Standard", standard.ToString()));
            fields.Add(F($"Standards[{i}].Grade", "Good"));
        }
        return fields;
    }

    public static async Task<Guid> RecordObservation(PortalApp app, HttpClient manager, Guid iro, DateOnly on, string submit = "share")
    {
        var response = await manager.PostFormAsync("/qa/observations/new", Observation(iro, on, submit), "/qa/observations/new");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>A manager makes a single-use feedback link; its path.</summary>
    public static async Task<string> MakeLink(HttpClient client, Guid iro, QaActivity type = QaActivity.ChildFeedback)
    {
        var response = await client.PostFormAsync("/qa/feedback/links/new", [F("RespondentType", type.ToString()), F("IroId", iro.ToString())], "/qa/feedback/links/new");
        var page = await response.Content.ReadAsStringAsync();
        var link = FeedbackLink().Match(page);
        Assert.True(link.Success, page);
        return new Uri(WebUtility.HtmlDecode(link.Groups[1].Value)).PathAndQuery;
    }

    public static Task<T> InDatabase<T>(PortalApp app, Func<PortalDbContext, Task<T>> query) => app.InDatabase(query);

    public static Task<int> Count<TEntity>(PortalApp app) where TEntity : class => InDatabase(app, db => db.Set<TEntity>().CountAsync());
}
