using IroPortal.OpenId.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace IroPortal.OpenId.Data;

// OpenIddict's own entities, configured as OpenIddict configures them, under this module's table prefix.
using Application = OpenIddictEntityFrameworkCoreApplication;
using Authorization = OpenIddictEntityFrameworkCoreAuthorization;
using Scope = OpenIddictEntityFrameworkCoreScope;
using Token = OpenIddictEntityFrameworkCoreToken;

internal sealed class OpenIdConfigurations :
    IEntityTypeConfiguration<Application>, IEntityTypeConfiguration<Authorization>, IEntityTypeConfiguration<Scope>,
    IEntityTypeConfiguration<Token>, IEntityTypeConfiguration<ApiClientRecord>,
    IEntityTypeConfiguration<SignInSettings>, IEntityTypeConfiguration<GroupRole>
{
    public const string Prefix = "OpenId_";

    public void Configure(EntityTypeBuilder<Application> builder)
    {
        new OpenIddictEntityFrameworkCoreApplicationConfiguration<Application, Authorization, Token, string>().Configure(builder);
        builder.ToTable(Prefix + "Applications");
    }

    public void Configure(EntityTypeBuilder<Authorization> builder)
    {
        new OpenIddictEntityFrameworkCoreAuthorizationConfiguration<Authorization, Application, Token, string>().Configure(builder);
        builder.ToTable(Prefix + "Authorizations");
    }

    public void Configure(EntityTypeBuilder<Scope> builder)
    {
        new OpenIddictEntityFrameworkCoreScopeConfiguration<Scope, string>().Configure(builder);
        builder.ToTable(Prefix + "Scopes");
    }

    public void Configure(EntityTypeBuilder<Token> builder)
    {
        new OpenIddictEntityFrameworkCoreTokenConfiguration<Token, Application, Authorization, string>().Configure(builder);
        builder.ToTable(Prefix + "Tokens");
    }

    public void Configure(EntityTypeBuilder<ApiClientRecord> builder)
    {
        builder.ToTable(Prefix + "ApiClients");
        builder.HasKey(c => c.ClientId);
        builder.Property(c => c.ClientId).HasMaxLength(100);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.LastUsedFrom).HasMaxLength(64);
        builder.Property(c => c.CertificateThumbprint).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<SignInSettings> builder)
    {
        builder.ToTable(Prefix + "SignInSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.RequiredForRoles).HasMaxLength(2000);
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<GroupRole> builder)
    {
        builder.ToTable(Prefix + "GroupRoles");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Group).HasMaxLength(200);
        builder.Property(g => g.Role).HasMaxLength(256);
        builder.Property(g => g.CreatedBy).HasMaxLength(256);
        builder.HasIndex(g => new { g.Group, g.Role }).IsUnique();
    }
}
