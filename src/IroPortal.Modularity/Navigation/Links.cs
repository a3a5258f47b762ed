using Microsoft.AspNetCore.Routing;

namespace IroPortal.Modularity.Navigation;

public static class Links
{
    /// <summary>The path of a named route, for a link made outside a request (a reminder, a menu, a home-page item).
    /// A name no route carries is a mistake in the code, so it throws rather than link nowhere.</summary>
    public static string PathTo(this LinkGenerator links, string route, object? values = null, string? fragment = null)
    {
        var path = links.GetPathByRouteValues(route, values)
            ?? throw new InvalidOperationException($"No route is named {route} (or it needs values it was not given).");
        return string.IsNullOrEmpty(fragment) ? path : $"{path}#{fragment}";
    }
}
