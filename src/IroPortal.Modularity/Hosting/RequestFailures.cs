using Microsoft.AspNetCore.Http;

namespace IroPortal.Modularity.Hosting;

/// <summary>The status a failed request answers with: a request too large or malformed is the sender's mistake
/// (413, 400), not the portal's (500).</summary>
public static class RequestFailures
{
    public static int StatusOf(Exception error) => error switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // The form readers' limits (fields, field length, multipart size) throw this, often wrapped by MVC.
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        { InnerException: { } inner } => StatusOf(inner),
        _ => StatusCodes.Status500InternalServerError,
    };
}
