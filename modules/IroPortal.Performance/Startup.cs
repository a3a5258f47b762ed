using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using IroPortal.Modularity.Scheduling;
using IroPortal.Performance.Contracts;
using IroPortal.Performance.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        services.AddScoped<IroPortal.AnnualReport.Contracts.IFigureSource, ReviewFigureBlocks>();
        services.AddSingleton(ChildKeys.FromSettings(context.Configuration, context.Environment));
        if (!context.Environment.IsDevelopment()) services.AddHostedService<ChildKeysWarning>();
        services.AddScoped<IroPortal.Data.Seeding.IPortalSeeder, ChildKeysUpgrade>();
        services.AddScoped<ImportService>();
        services.AddScoped<EarlyWarning>();
        services.AddScoped<IWorkItemSource, PerformanceWorkItems>();
        services.AddReminderRule<EarlyWarningReminder>();
        services.AddPersonalData<ReviewDataPersonalData>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportCleanups>();
        services.AddHostedService<ImportWorker>();
        services.AddSingleton<IPortalCommand, Import903Command>();
        services.AddSingleton<IPortalCommand, StatsCommand>();
        services.AddScoped<IroPortal.Data.Seeding.IPortalSeeder, Seed.PerformanceDemoSeeder>();
    }
}
