using System.Reflection;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Modularity.Hosting;

public static class ModuleHosting
{
    /// <summary>Loads the modules and themes beside the host and lets each switched-on module add its services.</summary>
    public static ModuleCatalog AddPortalModules(this WebApplicationBuilder builder, IEnumerable<Assembly>? assemblies = null)
    {
        var catalog = ModuleLoader.Load(assemblies ?? ModuleLoader.FindPortalAssemblies(AppContext.BaseDirectory), builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(catalog);
        // Pages are UTF-8: letters of every script are written as themselves (a translation in Arabic reads as
        // Arabic in the HTML), and only what HTML needs escaping is escaped.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new FormWithinLimitsFilter());
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            .ConfigureApplicationPartManager(parts =>
            {
                // MVC adds every referenced assembly by default, switched-off modules too. Rebuild the list:
                // themes first, because the first compiled view at a path wins and a theme overrides a module.
                var host = parts.ApplicationParts.Where(p => p is AssemblyPart a && a.Assembly == Assembly.GetEntryAssembly()).ToList();
                parts.ApplicationParts.Clear();
                foreach (var assembly in catalog.Themes.Select(t => t.Assembly).Concat(catalog.Enabled.Select(m => m.Assembly)))
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                        parts.ApplicationParts.Add(part);
                foreach (var part in host)
                    parts.ApplicationParts.Add(part);
            });

        services.AddAuthorization(options =>
        {
            // Defence in depth: an action that forgot its attribute is at least not public.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddScoped<NavigationService>();
        // Review timescales, papers deadlines and escalation timescales all count working days.
        services.AddSingleton(WorkingDays.EnglandAndWales(builder.Configuration.GetSection("BankHolidays").Get<DateOnly[]>() ?? []));

        var context = new ModuleContext(builder.Configuration, builder.Environment, catalog);
        foreach (var module in catalog.Enabled)
            module.CreateStartup()?.ConfigureServices(services, context);
        return catalog;
    }

    /// <summary>Module middleware that needs nobody identified, just after routing.</summary>
    public static void UsePortalModulesAnonymously(this WebApplication app)
    {
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Enabled)
            module.CreateStartup()?.ConfigureAnonymousPipeline(app);
    }

    /// <summary>Module middleware, between authentication and authorisation.</summary>
    public static void UsePortalModules(this WebApplication app)
    {
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Enabled)
            module.CreateStartup()?.ConfigureRequestPipeline(app);
    }

    public static void MapPortalModules(this WebApplication app)
    {
        app.MapControllers();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Enabled)
            module.CreateStartup()?.MapEndpoints(app);
    }
}
