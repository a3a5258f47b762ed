using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IroPortal.Modularity;

namespace IroPortal.Performance.Services;

/// <summary>
/// <c>import-903 --to https://portal --client-id ID --client-secret-file FILE --year YYYY PATH...</c>: the same files
/// sent to a portal's API from the machine that holds the export, so that a council can schedule a nightly push.
/// One idempotency key for the run: a retry after a dropped connection never imports twice.
/// </summary>
internal sealed class ReturnPusher(Uri portal, string clientId, string secret, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];
    private readonly HttpClient _http = new() { BaseAddress = portal, Timeout = TimeSpan.FromMinutes(10) };
    private string? _token;

    /// <param name="runsTo">For an extract for part of the year: the last day it covers.</param>
    public async Task<int> PushAsync(int year, IReadOnlyList<SourceFile> files, CancellationToken cancellationToken, DateOnly? runsTo = null)
    {
        var address = $"api/v1/returns/{year}" + (runsTo is { } to ? "?runsTo=" + to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "");
        using var http = _http;
        var key = $"import-903-{Guid.NewGuid():N}";
        HttpResponseMessage? response = null;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (await TokenAsync(cancellationToken) is not { } problem)
                {
                    response = await SendAsync(HttpMethod.Post, address, Files(files), key, cancellationToken);
                    if ((int)response.StatusCode < 500) break;
                    await error.WriteLineAsync($"The portal answered {(int)response.StatusCode}; trying again with the same key.");
                }
                else return problem;
            }
            catch (HttpRequestException ex) when (attempt < Retries.Length)
            {
                await error.WriteLineAsync($"Could not reach {portal}: {ex.Message}. Trying again with the same key.");
            }
            if (attempt >= Retries.Length) break;
            await Task.Delay(Retries[attempt], cancellationToken);
        }
        if (response is null || (int)response.StatusCode >= 500) return await Refused(response, "The portal could not take the return. Nothing was imported.");
        if (response.StatusCode != HttpStatusCode.Accepted) return await Refused(response, "Not imported.");
        if (response.Headers.Contains("Idempotent-Replayed")) await error.WriteLineAsync("The portal already had this push; following its import.");

        var location = response.Headers.Location ?? throw new InvalidOperationException("The portal did not say where to follow the import.");
        var lastShown = -1;
        while (true)
        {
            using var poll = await SendAsync(HttpMethod.Get, location.ToString(), null, null, cancellationToken);
            if (poll.StatusCode == HttpStatusCode.Unauthorized)
            {
                _token = null; // expired while importing
                if (await TokenAsync(cancellationToken) is { } problem) return problem;
                continue;
            }
            if (!poll.IsSuccessStatusCode) return await Refused(poll, "Could not follow the import.");
            var status = (await poll.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
            var state = status.GetProperty("state").GetString();
            var written = status.GetProperty("rowsWritten").GetInt32();
            if (state == "Completed")
            {
                await output.WriteLineAsync($"Imported {ReportingYear.Name(year)} into {portal}: {status.GetProperty("children").GetInt32():N0} children, " +
                    $"{status.GetProperty("episodes").GetInt32():N0} episodes, {status.GetProperty("reviews").GetInt32():N0} reviews, " +
                    $"{status.GetProperty("allocations").GetInt32():N0} allocations; {status.GetProperty("warnings").GetInt32():N0} warning(s).");
                return ExitCodes.Success;
            }
            if (state == "Failed")
            {
                await error.WriteLineAsync($"The import failed: {status.GetProperty("failure").GetString()}");
                return ExitCodes.Failed;
            }
            if (written != lastShown && written > 0) await error.WriteLineAsync($"Imported {written:N0} of {status.GetProperty("rowsTotal").GetInt32():N0} rows");
            lastShown = written;
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <returns>Null when there is a token; otherwise the exit code, having said why.</returns>
    private async Task<int?> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null) return null;
        using var response = await _http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "returns.write",
        }), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token))
        {
            _token = token.GetString();
            return null;
        }
        var why = body.TryGetProperty("error_description", out var description) ? description.GetString() : body.TryGetProperty("error", out var e) ? e.GetString() : $"status {(int)response.StatusCode}";
        await error.WriteLineAsync($"The portal refused the client id and secret: {why} Ask its administrator to check the client at /admin/api-clients.");
        return ExitCodes.Failed;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? key, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await _http.SendAsync(request, cancellationToken);
    }

    private static MultipartFormDataContent Files(IReadOnlyList<SourceFile> files)
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

    /// <summary>Prints the problem details' words and every problem by file, row and column.</summary>
    private async Task<int> Refused(HttpResponseMessage? response, string headline)
    {
        if (response is null)
        {
            await error.WriteLineAsync(headline);
            return ExitCodes.Failed;
        }
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(text);
            await error.WriteLineAsync($"{headline} {(problem.TryGetProperty("detail", out var detail) ? detail.GetString() : problem.TryGetProperty("title", out var title) ? title.GetString() : "")}".Trim());
            if (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
                foreach (var e in errors.EnumerateArray())
                {
                    var where = string.Join(", ", new[] { Text(e, "file"), Text(e, "row") is { } row ? $"row {row}" : null, Text(e, "column") is { } column ? $"column {column}" : null }.Where(w => w is not null));
                    await error.WriteLineAsync($"error: {(where.Length > 0 ? where + ": " : "")}{Text(e, "message")}");
                }
        }
        catch (JsonException)
        {
            await error.WriteLineAsync($"{headline} The portal answered {(int)response.StatusCode}.");
        }
        return response.StatusCode == HttpStatusCode.UnprocessableEntity ? ExitCodes.InvalidInput : ExitCodes.Failed;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;
}
