using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Navigation;
using IroPortal.Modularity.Permissions;
using IroPortal.Modularity.PersonalData;
using IroPortal.Modularity.Scheduling;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Seed;
using IroPortal.QualityAssurance.Services;
using Microsoft.Extensions.DependencyInjection;

namespace IroPortal.QualityAssurance;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<IPermissionProvider, QaPermissions>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<ObservationService>();
        services.AddScoped<IroPortal.AnnualReport.Contracts.IFigureSource, QaFigureBlocks>();
        services.AddScoped<QaActions>();
        services.AddScoped<AuditService>();
        services.AddScoped<FeedbackRecords>();
        services.AddScoped<IWorkItemSource, QaWorkItems>();
        services.AddSingleton<Reminders.FeedbackReminderLinks>();
        services.AddReminderRule<Reminders.WeeklyOverdueDigest>();
        services.AddReminderRule<Reminders.ActionsDueReminders>();
        services.AddReminderRule<Reminders.FeedbackReminder>();
        services.AddReminderRule<Safeguarding.UrgentMessageAlerts>();
        services.AddScoped<Safeguarding.SafeguardingService>();
        services.AddScoped<FeedbackIntake>();
        services.AddScoped<ChildLanguages>();
        services.AddSingleton<SelfStartedLimiter>();
        services.AddScoped<IQualityAssuranceFigures, QualityAssuranceFigures>();
        services.AddScoped<QaExport>();
        services.AddScoped<IPortalSeeder, QaSeeder>();
        services.AddScoped<QaAccess>();
        services.AddPersonalData<QaPersonalData>();
        services.AddSingleton(new ModuleStylesheet("/_content/IroPortal.QualityAssurance/qa.css"));
    }
}
