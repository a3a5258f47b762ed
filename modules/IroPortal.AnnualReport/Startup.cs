using IroPortal.AnnualReport.Contracts;
using IroPortal.AnnualReport.Seed;
using IroPortal.AnnualReport.Services;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.AnnualReport;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, ReportPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<ReportService>();
        services.AddScoped<IWorkItemSource, ReportWorkItems>();
        services.AddScoped<FigureBlocks>();
        services.AddScoped<ReportAccess>();
        services.AddScoped<IApprovedReports, ApprovedReports>();
        services.AddScoped<IPortalSeeder, ReportDemoSeeder>();
        services.AddSingleton(new ModuleStylesheet("/_content/IroPortal.AnnualReport/report.css"));
    }
}
