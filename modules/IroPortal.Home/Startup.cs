using IroPortal.Modularity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Home;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context) =>
        services.Configure<CouncilOptions>(context.Configuration.GetSection("Council"));

    /// <summary>Any address nothing else answers gets the public "page not found", not a sign-in prompt.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback("{**path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound; // the status code pages show the friendly page
            return Task.CompletedTask;
        }).AllowAnonymous();
}
