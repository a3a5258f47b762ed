using IroPortal.Data.DataProtection;
using IroPortal.Data.Health;
using IroPortal.Data.Migrations;
using IroPortal.Data.Seeding;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IroPortal.Data;

public static class DataServices
{
    /// <summary>The database the configuration names, migrations and seeding at start-up, keys kept in the database.</summary>
    public static void AddPortalData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("Database:Provider is PostgreSQL but Database:ConnectionString is empty. Set it, for example Host=db;Database=iroportal;Username=iroportal;Password=...");
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var folder = Path.Combine(builder.Environment.ContentRootPath, options.DataFolder);
            Directory.CreateDirectory(folder);
            options.ConnectionString = $"Data Source={Path.Combine(folder, "iroportal.db")}";
        }

        var services = builder.Services;
        services.AddSingleton(Options.Create(options));
        services.AddDbContext<PortalDbContext>((provider, db) =>
        {
            Configure(db, options);
            // Modules guard their own tables this way (the audit trail refuses edits, for one).
            db.AddInterceptors(provider.GetServices<ISaveChangesInterceptor>());
        });

        // First of the hosted services: the schema must exist before anything (the key ring, jobs) reads it.
        services.AddHostedService<DatabaseInitializer>();

        // Several web nodes share sign-ins and antiforgery tokens through keys kept in the database. With a
        // certificate configured the keys are encrypted there, so reading the database is not enough to forge a sign-in.
        var dataProtection = services.AddDataProtection().SetApplicationName("IroPortal");
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["DataProtection:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet));
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, DatabaseKeyRepositorySetup>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.PostgreSQL:
                db.UseNpgsql(options.ConnectionString);
                break;
            default:
                db.UseSqlite(options.ConnectionString);
                break;
        }
        // Each module keeps its migrations in its own assembly; this gathers them into one ordered set.
        db.ReplaceService<IMigrationsAssembly, ModularMigrationsAssembly>();
    }
}
