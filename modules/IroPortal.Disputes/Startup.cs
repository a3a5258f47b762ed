using IroPortal.AnnualReport.Contracts;
using IroPortal.Data.Seeding;
using IroPortal.Disputes.Seed;
using IroPortal.Disputes.Services;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using IroPortal.Modularity.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Disputes;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, DisputePermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<DisputeService>();
        services.AddScoped<IWorkItemSource, DisputeWorkItems>();
        services.AddPersonalData<DisputePersonalData>();
        services.AddScoped<IFigureSource, DisputeFigures>();
        services.AddReminderRule<DisputeReminders>();
        services.AddScoped<IPortalSeeder, DisputeSeeder>();
    }
}
