using IroPortal.Data;
using IroPortal.Modularity.Hosting;
using IroPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings();
if (Commands.Requested(args)) builder.UseCommandLogging();
builder.AddPortalData();
builder.AddPortalSecurity();
builder.AddPortalModules();

var app = builder.Build();
if (Commands.Requested(args)) return await Commands.RunAsync(app, args);
app.UsePortalErrorPages();
app.UsePortalSecurityHeaders();
app.MapStaticAssets().AllowAnonymous();
app.UseRouting();
app.UsePortalModulesAnonymously();
app.UseRateLimiter();
app.UseAuthentication();
app.UsePortalModules();
app.UseAuthorization();
app.MapPortalModules();
app.MapPortalHealth();
app.Run();
return 0;

/// <summary>For the tests' WebApplicationFactory.</summary>
public partial class Program;
