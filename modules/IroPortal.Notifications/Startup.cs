using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.Scheduling;
using IroPortal.Notifications.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.Notifications;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, NotificationPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.Configure<EmailOptions>(context.Configuration.GetSection("Email"));
        services.Configure<OutboxOptions>(context.Configuration.GetSection("Notifications:Outbox"));
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<MailComposer>();
        services.AddScoped<Inbox>();
        services.AddScoped<IUnreadNotifications>(s => s.GetRequiredService<Inbox>());
        services.AddScoped<RuleSettingsService>();
        services.AddScoped<ReminderRunner>();
        services.AddReminderRule<TimetableReminders>();
        services.AddScheduledWork<Outbox>("notifications.outbox", "Send the email outbox",
            "Sends the emails waiting in the outbox; tries again later when the mail server refuses.", "0 * * * * ?");
        services.AddScheduledWork<DailyDigest>("notifications.digest", "Daily digest",
            "One email each morning to each person who chose a digest, with their non-urgent reminders.", "0 0 7 * * ?");
        services.AddPortalScheduler(context.Configuration);
    }
}
