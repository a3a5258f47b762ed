using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IroPortal.Modularity;

/// <summary>
/// A module's Startup.cs derives from this. The loader calls it only while the module is switched on,
/// in dependency order.
/// </summary>
public abstract class ModuleStartup
{
    public virtual void ConfigureServices(IServiceCollection services, ModuleContext context) { }

    /// <summary>Middleware that answers before anyone is identified: just after routing, before rate limiting and
    /// authentication (a cache of public pages, which are the same for everybody).</summary>
    public virtual void ConfigureAnonymousPipeline(IApplicationBuilder app) { }

    /// <summary>Middleware that must run after authentication and before authorisation.</summary>
    public virtual void ConfigureRequestPipeline(IApplicationBuilder app) { }

    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }
}

public sealed record ModuleContext(IConfiguration Configuration, IHostEnvironment Environment, ModuleCatalog Catalog);

/// <summary>A module's stylesheet, which every layout links: <c>services.AddSingleton(new ModuleStylesheet("/_content/IroPortal.X/x.css"))</c>.</summary>
public sealed record ModuleStylesheet(string Path);
