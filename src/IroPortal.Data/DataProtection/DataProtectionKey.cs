using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IroPortal.Data.DataProtection;

/// <summary>A data-protection key ring entry. Kept in the database so that every web node reads the same keys.</summary>
public sealed class DataProtectionKey
{
    public Guid Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> entity)
    {
        entity.ToTable("Data_ProtectionKeys");
        entity.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>The key ring's store. The framework calls it rarely (start-up, key rotation), so a scope per call is fine.</summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.CreatedUtc)
            .Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Add(new DataProtectionKey
        {
            Id = Guid.CreateVersion7(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }
}

internal sealed class DatabaseKeyRepositorySetup(IServiceScopeFactory scopes) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options) =>
        options.XmlRepository = new DatabaseXmlRepository(scopes, TimeProvider.System);
}
