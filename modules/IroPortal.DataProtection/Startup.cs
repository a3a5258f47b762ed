using IroPortal.DataProtection.Services;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.DataProtection;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddScoped<RetentionService>();
        services.AddScoped<PersonalDataSearch>();
        services.AddScoped<Statements>();
        services.AddScheduledWork<DisposalJob>(DisposalJob.Key, "Dispose of old records",
            "Deletes or anonymises every kind of record past the retention period the administrator confirmed (Retention and disposal).", "30 3 * * *");
        services.AddSingleton<IPermissionProvider, DataProtectionPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
    }
}
