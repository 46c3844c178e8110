using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Reporting;

/// <summary>
/// The compiled report of the bundled ward: task 3.5.d names the decision's lead and the unit that follows it up, whose
/// report answers for it; a recurring task is not overdue in January of the next year.
/// </summary>
public class FollowUpReportTests
{
    private static readonly ReportRound Round2 = ReportRound.FromDecision(Bundled.Catalogue.Decision)[1];

    private static ReportTaskEntry Entry(CompiledReport report, string code) =>
        report.Sections.SelectMany(s => s.Tasks).Single(t => t.Code == code);

    private static CompiledReport Compile(DateOnly date, params Submission[] submissions) =>
        ReportCompiler.Compile(Bundled.Catalogue, new Dictionary<string, StatusCategory>(), submissions, Bundled.Units, Round2, date);

    [Fact]
    public void Compile_Task35dReportedByVhxh_NamesLeadAndFollowUpUnitAndCountsAsReported()
    {
        var version = CatalogueVersion.Compute(Bundled.Catalogue);
        var vhxh = new Submission("VHXH", Round2.Number, version,
            [new SubmissionRow("3.5.d", "Đã tổng hợp kết quả của các doanh nghiệp.", StatusCategory.InProgressOnTime, "", "")]);

        var entry = Entry(Compile(new DateOnly(2026, 11, 10), vhxh), "3.5.d");

        Assert.Equal(
            ["Các cơ quan, đơn vị, tổ chức, doanh nghiệp trên địa bàn phường", "Phòng Văn hóa - Xã hội (tổng hợp, theo dõi chung)"],
            entry.LeadUnits);
        Assert.True(entry.Status.Reported);
        var contribution = Assert.Single(entry.Contributions);
        Assert.Equal(("VHXH", TaskRole.Lead), (contribution.UnitCode, contribution.Role));
    }

    [Fact]
    public void Compile_Task35dWithoutReport_NotReported()
    {
        Assert.False(Entry(Compile(new DateOnly(2026, 11, 10)), "3.5.d").Status.Reported);
    }

    [Fact]
    public void Compile_January5NextYear_RecurringTasksInProgressOnTimeAYearTaskOverdue()
    {
        var report = Compile(new DateOnly(2027, 1, 5));

        Assert.Equal(StatusCategory.InProgressOnTime, Entry(report, "2.2").Status.Category);
        Assert.Equal(StatusCategory.InProgressOnTime, Entry(report, "2.3").Status.Category);
        Assert.Equal(StatusCategory.InProgressOverdue, Entry(report, "4.2").Status.Category);
        Assert.Equal(TimeFrameKind.YearOnward, Bundled.Catalogue.Tasks.Single(t => t.Code == "2.2").TimeFrame!.Kind);
    }
}
