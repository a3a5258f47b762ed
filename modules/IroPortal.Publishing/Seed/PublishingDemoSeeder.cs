using IroPortal.Data;
using IroPortal.Data.Seeding;
using IroPortal.Modularity;
using IroPortal.Modularity.Permissions;
using IroPortal.Publishing.Models;
using IroPortal.Publishing.Services;
using IroPortal.Users.Contracts;
using Microsoft.EntityFrameworkCore;

namespace IroPortal.Publishing.Seed;

/// <summary>For the demo: last year's approved report published to the board (with a question, its answer and the
/// board's resolution) and to the public, and its summary for children, so /reports shows a real report at once.</summary>
internal sealed class PublishingDemoSeeder(PortalDbContext db, PublishingService publishing, ChildrenSummaryService children, IStaffDirectory staff, TimeProvider clock) : IPortalSeeder
{
    // After the annual reports (40) it publishes.
    public int Order => 50;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.Demo || await db.Set<Release>().AnyAsync(cancellationToken)) return;
        var year = ReportingYear.Containing(UkTime.Today(clock)) - 2;
        if (await publishing.ApprovedAsync(year, cancellationToken) is null) return;
        var manager = (await staff.InRoleAsync(PortalRoles.IroManager, cancellationToken)).FirstOrDefault()?.DisplayName ?? "IRO manager";
        var now = clock.GetUtcNow().UtcDateTime;
        await publishing.ApproveStaffNamesAsync(manager, cancellationToken);

        var meeting = new DateOnly(year + 1, 7, 14);
        var board = await publishing.PublishReportAsync(year, Audience.Board, meeting, "", manager, cancellationToken);
        var published = await publishing.PublishReportAsync(year, Audience.Public, null, "", manager, cancellationToken);
        if (board.Release is null || published.Release is null)
        {
            context.Report.WriteLine($"Publishing: the demo report was not published: {board.Problem ?? published.Problem}");
            return;
        }

        if ((await staff.InRoleAsync(PortalRoles.BoardMember, cancellationToken)).FirstOrDefault() is { } member)
            db.Add(new BoardQuestion
            {
                Id = Guid.CreateVersion7(), YearStart = year, SectionAnchor = ReleaseSection.Read(board.Release.Sections)[0].Anchor,
                SectionTitle = ReleaseSection.Read(board.Release.Sections)[0].Title, AskedById = member.Id, AskedByName = member.DisplayName,
                Text = "What is the council doing about late health assessments for children placed outside Northmoor, and by when?", AskedUtc = now,
                Answer = "The designated nurse now books them before the child moves; we will report the figures to the board each quarter.", AnsweredByName = manager, AnsweredUtc = now,
            });
        db.Add(new BoardResolution
        {
            Id = Guid.CreateVersion7(), YearStart = year, MeetingDate = meeting, Outcome = "noted-with-actions", RecordedUtc = now, RecordedByName = manager,
            Minute = "The board noted the report and asked for quarterly figures on health assessments for children placed out of area.",
        });
        await db.SaveChangesAsync(cancellationToken);

        var summary = await children.FindOrStartAsync(year);
        summary.WhatWeDid = "Your IROs ran your reviews. More of you came to your review. More reviews were in your home.";
        summary.WhatYouToldUs = "You said your IRO listens to you. Some of you said your review was too long. Some of you did not know who your IRO was.";
        summary.WhatWeWillDo = "Your IRO will meet you before each review. We will ask how you want to take part. We will keep reviews short.";
        summary.HowToTellUs = "Tell your IRO, your social worker or your carer. Or press the button to send us a message.";
        await children.SaveAsync(summary, manager);
        var easyRead = await children.PublishAsync(summary, "Demo summary.", "", manager);
        context.Report.WriteLine($"Publishing: {ReportingYear.Name(year)} published to the board and the public" + (easyRead.Release is null ? $"; the children's summary was not: {easyRead.Problem}" : ", with its summary for children."));
    }
}

/// <summary>Starts Chromium at the beginning of a first demo start, so that it is ready (started beside the other
/// seeders, on the machine's other core) when <see cref="PublishingDemoSeeder"/> prints the demo's PDFs.</summary>
internal sealed class DemoPrintsAhead(PortalDbContext db, PdfPrinter printer, PdfBrowser browser) : IPortalSeeder
{
    public int Order => int.MinValue;

    public async Task SeedAsync(SeedContext context, CancellationToken cancellationToken)
    {
        if (context.Demo && printer.IsAvailable && !await db.Set<Release>().AnyAsync(cancellationToken)) browser.Prepare();
    }
}
