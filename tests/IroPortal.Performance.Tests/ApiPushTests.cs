using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.Performance.Models;
using IroPortal.Performance.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static IroPortal.Performance.Tests.Data;

namespace IroPortal.Performance.Tests;

/// <summary>The council's systems push the return through the API (returns.write) and read the figures (figures.read).</summary>
public sealed class ApiPushTests
{
    private static SourceFile[] Return(string iro = "Daniel Okafor") =>
    [
        Header(Child("100", "01/05/2015"), Child("200", "10/10/2012"), Child("300", "03/03/2010")),
        Episodes(Episode("100", "01/06/2025"), Episode("200", "01/07/2025"), Episode("300", "01/04/2024", "01/12/2025")),
        Reviews(Review("100", "01/05/2015", "20/06/2025", "PN1"), Review("200", "10/10/2012", "01/08/2025", "PN3"), Review("300", "03/03/2010", "10/05/2025", "PN0")),
        Allocations($"100,{iro},01/06/2025,", "200,Sarah Whitfield,01/07/2025,", "300,Sarah Whitfield,01/04/2024,01/12/2025"),
    ];

    private static MultipartFormDataContent Form(IEnumerable<SourceFile> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", file.Name);
        }
        return form;
    }

    private static async Task<HttpResponseMessage> Push(HttpClient client, int year, IEnumerable<SourceFile> files, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/returns/{year}") { Content = Form(files) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Finished(HttpClient client, Uri location)
    {
        for (var i = 0; i < 200; i++, await Task.Delay(50))
        {
            var status = await client.GetFromJsonAsync<JsonElement>(location);
            if (status.GetProperty("state").GetString() is "Completed" or "Failed") return status;
        }
        throw new TimeoutException("The import did not finish.");
    }

    private static async Task<HttpClient> Bearer(PortalApp app, params string[] scopes)
    {
        var client = await app.RegisterApiClientAsync("Case management system", scopes);
        return app.BearerClient(await app.NewClient().TokenAsync(client, string.Join(' ', scopes)));
    }

    /// <summary>The figures without when they were imported, which is all that may differ.</summary>
    private static string Comparable(JsonElement figures)
    {
        var all = figures.EnumerateObject().Where(p => p.Name != "importedUtc").ToDictionary(p => p.Name, p => p.Value);
        return JsonSerializer.Serialize(all);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_pushed_return_gives_exactly_the_figures_the_managers_upload_of_the_same_files_gives(DatabaseProvider provider)
    {
        await using var uploaded = new PortalApp(provider);
        await using var pushed = new PortalApp(provider);
        var files = Return();

        var manager = await uploaded.SignedInClient("manager@northmoor.example");
        var page = await manager.GetStringAsync("/performance/import");
        var form = Form(files);
        form.Add(new StringContent(FormPosting.TokenOfForm(page, "/performance/import", "/performance/import")), "__RequestVerificationToken");
        form.Add(new StringContent("2025"), "year");
        var check = await manager.PostAsync("/performance/import", form);
        var checkPath = check.Headers.Location!.OriginalString;
        await manager.SubmitAsync($"{checkPath}/confirm", await manager.GetStringAsync(checkPath), new());

        var system = await Bearer(pushed, "returns.write", "figures.read");
        var accepted = await Push(system, 2025, files, "nightly-2026-12-02");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var done = await Finished(system, accepted.Headers.Location!);
        Assert.Equal("Completed", done.GetProperty("state").GetString());
        Assert.Equal(3, done.GetProperty("reviews").GetInt32());

        var reader = await Bearer(uploaded, "figures.read");
        JsonElement fromUpload = default;
        for (var i = 0; i < 200 && fromUpload.ValueKind == JsonValueKind.Undefined; i++, await Task.Delay(50))
            if (await reader.GetAsync("/api/v1/figures/2025") is { StatusCode: HttpStatusCode.OK } answer && await answer.Content.ReadFromJsonAsync<JsonElement>() is var f && f.GetProperty("reviewsHeld").GetInt32() == 3)
                fromUpload = f;
        var fromPush = await system.GetFromJsonAsync<JsonElement>("/api/v1/figures/2025");
        Assert.Equal(Comparable(fromUpload), Comparable(fromPush));
        Assert.Contains("Daniel Okafor", fromPush.ToString());

        // The push is in the import history, named by the system that sent it.
        var history = WebUtility.HtmlDecode(await (await pushed.SignedInClient("manager@northmoor.example")).GetStringAsync("/performance/imports"));
        Assert.Contains("API: Case management system (case-management-system-", history);
    }

    [Fact]
    public async Task A_push_with_errors_imports_nothing_and_lists_each_problem_by_file_row_and_column()
    {
        await using var app = new PortalApp();
        var system = await Bearer(app, "returns.write");
        var reviewsBefore = await app.InDatabase(db => db.Set<CareReview>().CountAsync());
        var files = Return();
        files[2] = Reviews(Review("100", "01/05/2015", "31/02/2025", "PN1"), Review("999", "01/01/2015", "01/08/2025", "PN9"));

        var refused = await Push(system, 2025, files, "bad-1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("reviews.csv", e.GetProperty("file").GetString()));
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 2 && e.GetProperty("column").GetString() == "REVIEW");
        Assert.Equal(reviewsBefore, await app.InDatabase(db => db.Set<CareReview>().CountAsync()));
        Assert.Equal(0, await app.InDatabase(db => db.Set<ReturnImport>().CountAsync(i => i.ImportedBy.StartsWith("API"))));

        var wrongYear = await Push(system, 1999, Return(), "bad-2");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongYear.StatusCode);
        Assert.Contains("1999", (await wrongYear.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_retried_push_with_the_same_key_imports_once_and_a_reused_key_with_other_files_is_refused()
    {
        await using var app = new PortalApp();
        var system = await Bearer(app, "returns.write");
        var first = await Push(system, 2025, Return(), "push-42");
        var again = await Push(system, 2025, Return(), "push-42");
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        await Finished(system, first.Headers.Location!);
        Assert.Equal(1, await app.InDatabase(db => db.Set<ReturnImport>().CountAsync(i => i.ImportedBy.StartsWith("API"))));

        var other = await Push(system, 2025, Return(iro: "Someone Else"), "push-42");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("different push", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var noKey = await Push(system, 2025, Return(), key: null);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("Idempotency-Key", (await noKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(1, await app.InDatabase(db => db.Set<ReturnImport>().CountAsync(i => i.ImportedBy.StartsWith("API"))));
    }

    [Fact]
    public async Task The_command_line_pushes_a_folder_to_a_portal_over_http_and_says_what_was_imported()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Security:CookiesRequireHttps"] = "false" });
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "localhost").Replace("127.0.0.1", "localhost");
        var client = await app.RegisterApiClientAsync("Data warehouse", "returns.write");
        var folder = Directory.CreateDirectory(Path.Combine(TestPaths.Scratch, $"push-{Guid.NewGuid():N}")).FullName;
        foreach (var file in Return()) await File.WriteAllBytesAsync(Path.Combine(folder, file.Name), file.Content);
        var secretFile = Path.Combine(folder, "secret.txt");
        await File.WriteAllTextAsync(secretFile, client.Secret + "\n");
        var command = app.Services.GetServices<IPortalCommand>().Single(c => c.Name == "import-903");
        Assert.False(command.UsesDatabase(["--year", "2025", "--to", address, folder]));

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await command.RunAsync(["--year", "2025", folder, "--to", address, "--client-id", client.ClientId, "--client-secret-file", secretFile], output, error, default);
        Assert.True(code == ExitCodes.Success, error.ToString());
        Assert.Contains("Imported April 2025 to March 2026", output.ToString());
        Assert.Contains("3 reviews", output.ToString());

        // A wrong secret is refused in words, and nothing is imported.
        await File.WriteAllTextAsync(secretFile, "not-the-secret");
        error = new StringWriter();
        Assert.Equal(ExitCodes.Failed, await command.RunAsync(["--year", "2025", folder, "--to", address, "--client-id", client.ClientId, "--client-secret-file", secretFile], new StringWriter(), error, default));
        Assert.Contains("refused the client id and secret", error.ToString());

        // Problems in the files come back by file, row and column.
        await File.WriteAllTextAsync(secretFile, client.Secret);
        await File.WriteAllBytesAsync(Path.Combine(folder, "reviews.csv"), Reviews(Review("100", "01/05/2015", "31/02/2025", "PN1")).Content);
        error = new StringWriter();
        Assert.Equal(ExitCodes.InvalidInput, await command.RunAsync(["--year", "2025", folder, "--to", address, "--client-id", client.ClientId, "--client-secret-file", secretFile], new StringWriter(), error, default));
        Assert.Contains("error: reviews.csv, row 2, column REVIEW:", error.ToString());
        Assert.Equal(1, await app.InDatabase(db => db.Set<ReturnImport>().CountAsync(i => i.ImportedBy.StartsWith("API") && i.State == ImportState.Completed)));

        error = new StringWriter();
        Assert.Equal(ExitCodes.Usage, await command.RunAsync(["--year", "2025", folder, "--to", address], new StringWriter(), error, default));
        Assert.Contains("--client-id is needed", error.ToString());
    }
}
