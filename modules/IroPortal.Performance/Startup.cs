using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Services;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Performance;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, PerformancePermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddSingleton<IroPortal.Modularity.Api.IApiScopeProvider, PerformanceScopes>();
        services.Configure<UploadLimits>(context.Configuration.GetSection("Performance:Uploads"));
        services.AddSingleton<ReviewTimeliness>();
        services.AddSingleton<FiguresCalculator>();
        services.AddScoped<IReviewFigures, ReviewFiguresService>();
        services.AddScoped<ImportService>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        services.AddSingleton<IPortalCommand, Import903Command>();
        services.AddSingleton<IPortalCommand, StatsCommand>();
        services.AddScoped<IroPortal.Data.Seeding.IPortalSeeder, Seed.PerformanceDemoSeeder>();
    }
}
