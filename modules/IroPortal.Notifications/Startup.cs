using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Services;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Notifications;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, NotificationPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddPersonalData<NotificationPersonalData>();
        services.Configure<EmailOptions>(context.Configuration.GetSection("Email"));
        services.Configure<OutboxOptions>(context.Configuration.GetSection("Notifications:Outbox"));
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<OutboxSenders>();
        services.AddScoped<Inbox>();
        services.AddScoped<IWorkItemSource, TimetableWorkItems>();
        services.AddScoped<IUnreadNotifications>(s => s.GetRequiredService<Inbox>());
        services.AddScoped<RuleSettingsService>();
        services.AddScoped<ReminderRunner>();
        services.AddReminderRule<TimetableReminders>();
        services.AddScheduledWork<Outbox>(Outbox.Key, "Send the email outbox",
            "Sends the emails waiting in the outbox; tries again later when the mail server says so, and gives up at once when it refuses an email for good. " +
            "While a backlog waits, every node sends a share of it.", "* * * * *");
        services.AddScheduledWork<DailyDigest>("notifications.digest", "Daily digest",
            "One email each morning to each person who chose a digest, with their non-urgent reminders.", "0 7 * * *");
        services.AddPortalScheduler(context.Configuration);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapJobsDashboard();
}
