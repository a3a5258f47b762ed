using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Hosting;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using IroPortal.Modularity.Scheduling;
using IroPortal.Users.Contracts;
using IroPortal.Users.Models;
using IroPortal.Users.Seed;
using IroPortal.Users.Services;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IroPortal.Users;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddScheduledWork<EndedSignInsSweep>(EndedSignInsSweep.Key, "Clear ended sign-ins",
            "Removes the records of sessions that have ended and of failed sign-ins that no longer pause anyone.", "30 3 * * *");
        var security = context.Configuration.GetSection("Security").Get<SecurityOptions>() ?? new SecurityOptions();
        if (!security.RequireTwoFactor && (context.Environment.IsProduction() || !context.Configuration.GetValue("Demo:Enabled", false)))
            throw new InvalidOperationException("Security:RequireTwoFactor can be false only for the demo (Demo:Enabled true, not in Production). Staff and board members must sign in with two-factor authentication.");
        if (context.Environment.IsProduction() && !context.Configuration.GetValue("Security:CookiesRequireHttps", true))
            throw new InvalidOperationException("Security:CookiesRequireHttps cannot be false in Production: sign-in cookies must never travel over plain HTTP.");
        services.Configure<SecurityOptions>(context.Configuration.GetSection("Security"));

        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                // No account-wide lockout, which would let anyone lock anyone out: SignInThrottle pauses only the
                // address that failed. Identity still counts failures; this keeps its count from ever locking.
                options.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                options.Lockout.AllowedForNewUsers = false;
                options.User.RequireUniqueEmail = true;
                options.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.ProviderName;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserStore<PortalUserStore>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.ProviderName)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        // OWASP's figure for PBKDF2 with HMAC-SHA512, which identity's V3 hashes use.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        // Check the security stamp on every request, so that disabling a user ends their sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            // The check rebuilds the principal from the database; keep the record that this sign-in passed two-factor.
            options.OnRefreshingPrincipal = context =>
            {
                // and when it was made (the session's absolute lifetime counts from then).
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                    foreach (var kept in new[] { "amr", UserSessions.SignedInAtClaim, PortalSignInManager.ProviderClaim })
                        if (context.CurrentPrincipal?.FindFirst(kept) is { } claim)
                            identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                return Task.CompletedTask;
            };
        });
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "iroportal.auth";
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            // A refusal answers 403 with the "You cannot see this page" page, so monitoring counts refusals.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddSingleton<UserSessions>();
        services.AddScoped<SignInThrottle>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<UserSessions, IOptions<SecurityOptions>>((options, store, settings) => SessionCookie.Configure(options, store, settings.Value));
        var cookiePolicy = SecurityHosting.SecureCookies(context.Configuration);
        services.PostConfigureAll<CookieAuthenticationOptions>(options =>
        {
            options.Cookie.Name = SecurityHosting.CookieName(options.Cookie.Name!, cookiePolicy);
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookiePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddSingleton<IPermissionProvider, UsersPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddPersonalData<UsersPersonalData>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddScoped<IExternalSignIn, ExternalSignIn>();
        services.AddSingleton<ISaveChangesInterceptor, AuditTrailGuard>();
        services.AddScoped<IPortalSeeder, AccountSecretsUpgrade>();
        services.AddScoped<IPortalSeeder, UsersSeeder>();
        services.AddSingleton<IPortalCommand, CreateAdministratorCommand>();
    }

    public override void ConfigureRequestPipeline(IApplicationBuilder app) => app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
}
