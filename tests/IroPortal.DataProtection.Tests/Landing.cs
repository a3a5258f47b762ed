using System.Net;

namespace IroPortal.DataProtection.Tests;

public static class Landing
{
    /// <summary>The page a browser lands on after a form's post redirects, its text decoded.</summary>
    public static async Task<string> Landed(this HttpClient client, Task<HttpResponseMessage> posting)
    {
        var response = await posting;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
    }
}
