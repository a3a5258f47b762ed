using System.Text.RegularExpressions;
using IroPortal.Testing;

namespace IroPortal.Host.Tests;

/// <summary>GOV.UK's pattern: a page with an error summary says "Error: " first in its title, which is what a screen
/// reader announces when the page comes back.</summary>
public sealed class ErrorTitleTests(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private static string Title(string page) => Regex.Match(page, "<title>(.*?)</title>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task A_form_sent_back_with_errors_starts_its_title_with_Error_and_the_same_page_without_them_does_not()
    {
        var client = portal.App.NewClient();
        Assert.DoesNotContain("Error:", Title(await client.GetStringAsync("/account/sign-in")));
        var refused = await (await client.PostFormAsync("/account/sign-in", new() { ["Email"] = "iro1@northmoor.example", ["Password"] = "not-the-password-at-all" })).Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", refused);
        Assert.StartsWith("Error: ", Title(refused));
    }

    /// <summary>The layouts know of a summary from the tag helper or from a hand-written <c>div class="govuk-error-summary"</c>;
    /// a summary written any other way would leave the title without "Error: ".</summary>
    [Fact]
    public void Every_error_summary_in_the_views_is_one_the_layouts_know_of()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "IroPortal.sln"))) root = root.Parent ?? throw new InvalidOperationException("IroPortal.sln not found above the tests.");
        var unknown = Directory.EnumerateFiles(root.FullName, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"<(?<tag>\w+)[^>]*class=""(?<classes>[^""]*\bgovuk-error-summary\b[^""]*)""")
                .Where(m => !(m.Groups["tag"].Value == "div" && m.Groups["classes"].Value == "govuk-error-summary"))
                .Select(m => $"{Path.GetRelativePath(root.FullName, f)}: {m.Value}"))
            .ToList();
        Assert.Empty(unknown);
    }
}
