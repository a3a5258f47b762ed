using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

[assembly: Module(Id = "Sample", Name = "Sample", Description = "For the host tests.", Dependencies = ["Users"])]

namespace IroPortal.Tests.SampleModule;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, SamplePermissions>();
        services.AddSingleton<INavigationProvider, SampleMenu>();
    }
}

public sealed class SamplePermissions : IPermissionProvider
{
    public const string View = "Sample.View";
    public IEnumerable<Permission> GetPermissions() => [new(View, "See the sample page", "Sample")];
    public IEnumerable<DefaultGrant> GetDefaultGrants() => [new(PortalRoles.IroManager, View)];
}

public sealed class SampleMenu : INavigationProvider
{
    public IEnumerable<MenuItem> GetMenuItems() => [new("Sample", "Sample page", "Sample.Page", SamplePermissions.View)];
}

[Area("Sample")]
public sealed class SampleController : Controller
{
    [RequirePermission(SamplePermissions.View), HttpGet("/sample", Name = "Sample.Page")]
    public IActionResult Index() => View();
}
