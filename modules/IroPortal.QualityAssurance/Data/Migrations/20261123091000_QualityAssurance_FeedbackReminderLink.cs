using IroPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IroPortal.QualityAssurance.Data.Migrations;

[DbContext(typeof(PortalDbContext))]
[Migration("20261123091000_QualityAssurance_FeedbackReminderLink")]
public sealed class QualityAssuranceFeedbackReminderLink : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.AddColumn<string>("ProtectedToken", "QualityAssurance_FeedbackRequests", maxLength: 500, nullable: true);

    protected override void Down(MigrationBuilder m) =>
        m.DropColumn("ProtectedToken", "QualityAssurance_FeedbackRequests");
}
