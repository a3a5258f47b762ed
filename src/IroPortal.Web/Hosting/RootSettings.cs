using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace IroPortal.Web.Hosting;

public static class RootSettings
{
    /// <summary>
    /// The portal's appsettings.json (and appsettings.{Environment}.json) live at the repository root and are
    /// copied beside the host's binaries. Read them from there, in the places the default files had, so that
    /// environment files and environment variables still override them.
    /// </summary>
    public static void UseRootAppSettings(this ConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json && path.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase))
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
        }
    }
}
