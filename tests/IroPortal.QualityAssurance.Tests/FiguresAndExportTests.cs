using IroPortal.Data;
using IroPortal.Modularity;
using IroPortal.QualityAssurance.Contracts;
using IroPortal.QualityAssurance.Models;
using IroPortal.QualityAssurance.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using static IroPortal.QualityAssurance.Tests.QaFlows;

namespace IroPortal.QualityAssurance.Tests;

public sealed class FiguresAndExportTests
{
    /// <summary>
    /// A small year worked out by hand, for last year (April to March, complete): eight IROs.
    /// Observations: IRO 1 every two months all year (regular), IRO 2 once (not regular), the other six never.
    /// So observation: never 6 of 8 = 75%, regular 1 of 8 = 12.5%. Audits: none, so never 100%, regular 0%.
    /// IRO 1 also gets guardian feedback rated 2 and 4: average 3.0 from 2 answers.
    /// </summary>
    [Fact]
    public async Task The_years_figures_match_a_small_year_worked_out_by_hand()
    {
        await using var app = new PortalApp();
        var year = ReportingYear.Containing(UkTime.Today(app.Clock)) - 1;
        var start = ReportingYear.Start(year);
        var iro1 = await IroId(app, "iro1@northmoor.example");
        var iro2 = await IroId(app, "iro2@northmoor.example");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Set<FeedbackAnswer>().ExecuteDeleteAsync();
            await db.Set<FeedbackResponse>().ExecuteDeleteAsync();
            await db.Set<FeedbackRequest>().ExecuteDeleteAsync();
            await db.Set<QaAction>().ExecuteDeleteAsync();
            await db.Set<ObservationGrade>().ExecuteDeleteAsync();
            await db.Set<Observation>().ExecuteDeleteAsync();
            await db.Set<AuditAnswer>().ExecuteDeleteAsync();
            await db.Set<CaseFileAudit>().ExecuteDeleteAsync();
            Observation Seen(Guid iro, DateOnly on, Grade grade) => new()
            {
                Id = Guid.NewGuid(), IroId = iro, ObservedOn = on, CaseReference = "NM-1", OverallGrade = grade, Status = RecordStatus.SignedOff, Version = Guid.NewGuid(),
            };
            for (var month = 0; month < 12; month += 2) db.Add(Seen(iro1, start.AddMonths(month).AddDays(14), Grade.Good));
            db.Add(Seen(iro2, start.AddMonths(5), Grade.RequiresImprovement));
            foreach (var rating in new[] { 2, 4 })
                db.Add(new FeedbackResponse
                {
                    Id = Guid.NewGuid(), IroId = iro1, RespondentType = QaActivity.GuardianCourtFeedback, ReceivedOn = start.AddMonths(3), Channel = FeedbackChannel.Email,
                    Answers = [new FeedbackAnswer { QuestionKey = "gc-care-plan", Rating = rating }],
                });
            await db.SaveChangesAsync();
        }

        using var figuresScope = app.Services.CreateScope();
        var figures = await figuresScope.ServiceProvider.GetRequiredService<IQualityAssuranceFigures>().ForYearAsync(year);
        Assert.Equal(8, figures.Iros);
        Assert.Equal(ReportingYear.End(year), figures.To);
        var observation = figures.Activities.Single(a => a.Activity == "Direct observation of IRO practice");
        Assert.Equal((6, 75.0, 1, 12.5, 7), (observation.NeverDone, observation.NeverPercent, observation.DoneRegularly, observation.RegularPercent, observation.TimesDone));
        Assert.Equal(23, observation.NationalNeverPercent);
        var audit = figures.Activities.Single(a => a.Activity == "Audit of case files and IRO records");
        Assert.Equal((8, 100.0, 0, 0.0), (audit.NeverDone, audit.NeverPercent, audit.DoneRegularly, audit.RegularPercent));
        Assert.Equal(6, figures.Grades.Single(g => g.Grade == "Good").Observations);
        Assert.Equal(1, figures.Grades.Single(g => g.Grade == "Requires improvement").Observations);
        var guardians = figures.Feedback.Single(f => f.RespondentType == "Feedback from children's guardians and courts");
        Assert.Equal(2, guardians.Responses);
        Assert.Equal((2, 3.0), (guardians.Questions[0].Answers, guardians.Questions[0].AverageRating));
        Assert.Equal(0, figures.IrosWithTwoOrMoreRegular);
        Assert.Equal(7, figures.IrosWithNoneRegular);
    }

    [Fact]
    public async Task The_excel_download_holds_the_board_and_records_and_text_that_looks_like_a_formula_stays_text()
    {
        await using var app = new PortalApp();
        var manager = await app.SignedInClient("manager@northmoor.example");
        var iroId = await IroId(app, "iro6@northmoor.example");
        await manager.PostFormAsync("/qa/observations/new", Observation(iroId, UkTime.Today(app.Clock), strengths: "=HYPERLINK(\"http://evil.test\",\"click\")"), "/qa/observations/new");

        var response = await manager.GetAsync("/qa/export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var package = new ExcelPackage(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheets = package.Workbook.Worksheets.Select(w => w.Name).ToList();
        Assert.Equal(["Compliance", "Records", "Feedback", "Actions"], sheets);
        var compliance = package.Workbook.Worksheets["Compliance"];
        Assert.Equal("IRO", compliance.Cells[1, 1].Text);
        Assert.Equal(9, compliance.Dimension.End.Row); // a header and eight IROs

        var records = package.Workbook.Worksheets["Records"];
        var cell = records.Cells[records.Dimension.Address].Single(c => c.Text.StartsWith("=HYPERLINK", StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(cell.Formula));
        Assert.True(cell.Style.QuotePrefix);
    }
}
