using System.Net;
using IroPortal.Modularity;

namespace IroPortal.Host.Tests;

public sealed class ModulesAndThemesTests
{
    [Fact]
    public async Task A_switched_on_module_serves_its_page_and_menu_entry_to_the_roles_granted_it()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/sample")).StatusCode);
        Assert.Contains("href=\"/sample\"", await manager.GetStringAsync("/staff"));
    }

    [Fact]
    public async Task A_switched_off_module_answers_404_and_leaves_the_menu()
    {
        await using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Modules:Sample:Enabled"] = "false" });
        var manager = await app.SignedInClient("manager@northmoor.example");
        var page = await manager.GetAsync("/sample");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/sample\"", await manager.GetStringAsync("/staff"));
        var admin = await app.SignedInClient("admin@northmoor.example");
        Assert.DoesNotContain("See the sample page", await admin.GetStringAsync("/admin/roles"));
    }

    [Fact]
    public async Task A_theme_overrides_a_module_view_at_the_same_path()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var page = await manager.GetStringAsync("/sample");
        Assert.Contains("The sample theme's view, in place of the module's.", WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("The sample module's own view.", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public void A_module_the_portal_cannot_work_without_refuses_to_be_switched_off()
    {
        using var app = new PortalApp(settings: new Dictionary<string, string?> { ["Modules:Users:Enabled"] = "false" });
        var error = Assert.Throws<ModuleLoadException>(() => app.Services);
        Assert.Contains("Module 'Users' cannot be switched off", error.Message);
    }
}
