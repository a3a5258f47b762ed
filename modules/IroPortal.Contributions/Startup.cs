using IroPortal.AnnualReport.Contracts;
using IroPortal.Contributions.Contracts;
using IroPortal.Contributions.Reminders;
using IroPortal.Contributions.Seed;
using IroPortal.Contributions.Services;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using IroPortal.Modularity.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Contributions;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, ContributionPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<ContributionService>();
        services.AddScoped<IWorkItemSource, ContributionWorkItems>();
        services.AddPersonalData<ContributionPersonalData>();
        services.AddScoped<IContributionSource, ContributionSource>();
        services.AddScoped<IPortalSeeder, ContributionsDemoSeeder>();
        services.AddReminderRule<RoundDeadlineReminders>();
    }
}
