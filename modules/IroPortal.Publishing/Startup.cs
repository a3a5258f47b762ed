using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Publishing.Contracts;
using IroPortal.Publishing.Seed;
using IroPortal.Publishing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Publishing;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, PublishingPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.Configure<PdfOptions>(context.Configuration.GetSection("Pdf"));
        services.AddSingleton<PdfBrowser>();
        services.AddSingleton<PdfPrinter>();
        services.AddSingleton<PublicCache>();
        services.AddSingleton<IPublicPages>(provider => provider.GetRequiredService<PublicCache>());
        services.AddScoped<IBoardReports, BoardReports>();
        services.AddScoped<IPublicPrivacyGuard, PublicPrivacyGuard>();
        services.AddOutputCache(PublicCache.Configure);
        services.AddScoped<ReleaseComposer>();
        services.AddScoped<IWorkItemSource, BoardWorkItems>();
        services.AddScoped<PublishingService>();
        services.AddScoped<GuardDecisions>();
        services.AddScoped<BoardMeetings>();
        services.AddScoped<PublishedReleases>();
        services.AddScoped<ChildrenSummaryService>();
        services.AddScoped<SummaryTranslations>();
        services.AddReminderRule<BoardReminders>();
        services.AddScoped<IPortalSeeder, DemoPrintsAhead>();
        services.AddScoped<IPortalSeeder, PublishingDemoSeeder>();
        services.AddSingleton(new ModuleStylesheet("/_content/IroPortal.Publishing/publishing.css"));
    }

    // After routing and authentication: signed-in staff are never served from the cache (the default policy).
    // Before authentication: a cached public page is answered without reading the sign-in cookie or running the
    // sign-in handlers, which cost more than the page itself. The pages are the same for everyone signed in or not.
    public override void ConfigureAnonymousPipeline(IApplicationBuilder app) => app.UseOutputCache();
}
