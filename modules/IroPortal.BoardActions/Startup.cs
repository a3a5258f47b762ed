using IroPortal.AnnualReport.Contracts;
using IroPortal.BoardActions.Seed;
using IroPortal.BoardActions.Services;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Publishing.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.BoardActions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, ActionPlanPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<ActionPlanService>();
        services.AddScoped<IWorkItemSource, ActionWorkItems>();
        services.AddScoped<PublicActionSummary>();
        services.AddScoped<IPublicReportAddition>(provider => provider.GetRequiredService<PublicActionSummary>());
        services.AddScoped<YouSaidWeDid>();
        services.AddScoped<IPublicReportAddition>(provider => provider.GetRequiredService<YouSaidWeDid>());
        services.AddScoped<ICarriedActions, CarriedBoardActions>();
        services.AddReminderRule<ActionReminders>();
        services.AddScoped<IPortalSeeder, ActionPlanDemoSeeder>();
    }
}
