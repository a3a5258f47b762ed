using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.OpenId.Data.Migrations;

/// <summary>OpenIddict's tables (applications, authorisations, scopes, tokens) as OpenIddict's own configuration
/// shapes them, under this module's prefix, and what the portal keeps about each API client.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261204090000_OpenId_Initial")]
public sealed class OpenIdInitial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("OpenId_ApiClients", t => new
        {
            ClientId = t.Column<string>(maxLength: 100, nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
            CreatedUtc = t.Column<DateTime>(nullable: false),
            CertificateThumbprint = t.Column<string>(maxLength: 64, nullable: true),
            CertificateExpiresUtc = t.Column<DateTime>(nullable: true),
            LastUsedFrom = t.Column<string>(maxLength: 64, nullable: true),
            LastUsedUtc = t.Column<DateTime>(nullable: true),
            SecretChangedUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpenId_ApiClients", x => x.ClientId);
        });

        m.CreateTable("OpenId_Applications", t => new
        {
            Id = t.Column<string>(nullable: false),
            ApplicationType = t.Column<string>(maxLength: 50, nullable: true),
            ClientId = t.Column<string>(maxLength: 100, nullable: true),
            ClientSecret = t.Column<string>(nullable: true),
            ClientType = t.Column<string>(maxLength: 50, nullable: true),
            ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
            ConsentType = t.Column<string>(maxLength: 50, nullable: true),
            DisplayName = t.Column<string>(nullable: true),
            DisplayNames = t.Column<string>(nullable: true),
            JsonWebKeySet = t.Column<string>(nullable: true),
            Permissions = t.Column<string>(nullable: true),
            PostLogoutRedirectUris = t.Column<string>(nullable: true),
            Properties = t.Column<string>(nullable: true),
            RedirectUris = t.Column<string>(nullable: true),
            Requirements = t.Column<string>(nullable: true),
            Settings = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpenId_Applications", x => x.Id);
        });
        m.CreateIndex("IX_OpenId_Applications_ClientId", "OpenId_Applications", "ClientId", unique: true);

        m.CreateTable("OpenId_Authorizations", t => new
        {
            Id = t.Column<string>(nullable: false),
            ApplicationId = t.Column<string>(nullable: true),
            ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
            CreationDate = t.Column<DateTime>(nullable: true),
            Properties = t.Column<string>(nullable: true),
            Scopes = t.Column<string>(nullable: true),
            Status = t.Column<string>(maxLength: 50, nullable: true),
            Subject = t.Column<string>(maxLength: 400, nullable: true),
            Type = t.Column<string>(maxLength: 50, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpenId_Authorizations", x => x.Id);
            t.ForeignKey("FK_OpenId_Authorizations_OpenId_Applications_ApplicationId", x => x.ApplicationId, "OpenId_Applications", "Id", onDelete: ReferentialAction.NoAction);
        });
        m.CreateIndex("IX_OpenId_Authorizations_ApplicationId_Status_Subject_Type", "OpenId_Authorizations", ["ApplicationId", "Status", "Subject", "Type"]);

        m.CreateTable("OpenId_Scopes", t => new
        {
            Id = t.Column<string>(nullable: false),
            ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
            Description = t.Column<string>(nullable: true),
            Descriptions = t.Column<string>(nullable: true),
            DisplayName = t.Column<string>(nullable: true),
            DisplayNames = t.Column<string>(nullable: true),
            Name = t.Column<string>(maxLength: 200, nullable: true),
            Properties = t.Column<string>(nullable: true),
            Resources = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpenId_Scopes", x => x.Id);
        });
        m.CreateIndex("IX_OpenId_Scopes_Name", "OpenId_Scopes", "Name", unique: true);

        m.CreateTable("OpenId_Tokens", t => new
        {
            Id = t.Column<string>(nullable: false),
            ApplicationId = t.Column<string>(nullable: true),
            AuthorizationId = t.Column<string>(nullable: true),
            ConcurrencyToken = t.Column<string>(maxLength: 50, nullable: true),
            CreationDate = t.Column<DateTime>(nullable: true),
            ExpirationDate = t.Column<DateTime>(nullable: true),
            Payload = t.Column<string>(nullable: true),
            Properties = t.Column<string>(nullable: true),
            RedemptionDate = t.Column<DateTime>(nullable: true),
            ReferenceId = t.Column<string>(maxLength: 100, nullable: true),
            Status = t.Column<string>(maxLength: 50, nullable: true),
            Subject = t.Column<string>(maxLength: 400, nullable: true),
            Type = t.Column<string>(maxLength: 150, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_OpenId_Tokens", x => x.Id);
            t.ForeignKey("FK_OpenId_Tokens_OpenId_Applications_ApplicationId", x => x.ApplicationId, "OpenId_Applications", "Id", onDelete: ReferentialAction.NoAction);
            t.ForeignKey("FK_OpenId_Tokens_OpenId_Authorizations_AuthorizationId", x => x.AuthorizationId, "OpenId_Authorizations", "Id", onDelete: ReferentialAction.NoAction);
        });
        m.CreateIndex("IX_OpenId_Tokens_ApplicationId_Status_Subject_Type", "OpenId_Tokens", ["ApplicationId", "Status", "Subject", "Type"]);
        m.CreateIndex("IX_OpenId_Tokens_AuthorizationId", "OpenId_Tokens", "AuthorizationId");
        m.CreateIndex("IX_OpenId_Tokens_ReferenceId", "OpenId_Tokens", "ReferenceId", unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Tokens", "Authorizations", "Scopes", "Applications", "ApiClients" })
            m.DropTable(OpenIdConfigurations.Prefix + table);
    }
}
