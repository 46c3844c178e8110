using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Scoring;
using DanVan365.Core.Status;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

public class YearEndCompilerTests
{
    private static readonly TaskCatalogue Catalogue = ReportCatalogueBuilder.Sample();
    private static readonly ReportRound YearEnd = ReportRound.YearEndOf(Catalogue.Decision, new YearEndOptions(), 3);

    private static Submission Sent(string unit, YearEndReview? review) =>
        ReportCatalogueBuilder.SampleSubmission(Catalogue, unit, round: 3) with { Review = review };

    private static CompiledReport Compile(IReadOnlyList<Submission> submissions, IReadOnlyList<ScoreBoardRow>? scores, DateOnly date)
    {
        var units = ReportCatalogueBuilder.SampleUnits();
        var report = ReportCompiler.Compile(Catalogue, new Dictionary<string, StatusCategory>(), submissions, units, YearEnd, date);
        return report with { YearEnd = YearEndCompiler.Summarize(report, Catalogue, submissions, units, scores) };
    }

    [Fact]
    public void Summarize_TwoUnitsReviews_LessonsOnceNamingTheirUnitsAndDirectionsWithProposals()
    {
        var vhxh = new YearEndReview("Chủ động tham mưu kịp thời.", "Một số nhiệm vụ còn chậm.", "Thiếu nhân lực.",
            "Tiếp tục thực hiện dân chủ ở cơ sở.", new SelfScore(90, "Tự đánh giá."));
        var vp = new YearEndReview("chủ động tham mưu kịp thời", "", "Thiếu nhân lực", "Đẩy mạnh chuyển đổi số.", null);

        var summary = Compile([Sent("VHXH", vhxh), Sent("VP", vp)], null, new DateOnly(2026, 12, 16)).YearEnd!;

        // Units in the catalogue's order (VP leads 1.1 before VHXH), each remark once in its first wording.
        var strength = Assert.Single(summary.Strengths);
        Assert.Equal("chủ động tham mưu kịp thời", strength.Text);
        Assert.Equal(["VP", "VHXH"], strength.Sources.Select(s => s.UnitCode));
        Assert.All(strength.Sources, s => Assert.Empty(s.TaskCodes));
        Assert.Equal(["VP", "VHXH"], Assert.Single(summary.Causes).Sources.Select(s => s.UnitCode));
        Assert.Equal("Một số nhiệm vụ còn chậm.", Assert.Single(summary.Weaknesses).Text);
        var directions = summary.Directions.Select(d => d.Text).ToList();
        Assert.Equal(["Đẩy mạnh chuyển đổi số.", "Tiếp tục thực hiện dân chủ ở cơ sở."], directions.Take(2));
        Assert.Contains(directions, d => d.StartsWith("Đề nghị bổ sung biên chế cho VHXH", StringComparison.Ordinal));
        Assert.Equal(2027, summary.NextYear);
    }

    [Fact]
    public void Summarize_ByUnit_EveryAssignedUnitWithItsLedTasksFinalStates()
    {
        var summary = Compile([Sent("VHXH", null)], null, new DateOnly(2026, 12, 16)).YearEnd!;

        Assert.Equal(["VP", "VHXH", "KTHTDT", "TTDVSNC"], summary.ByUnit.Select(u => u.Unit.Code));
        var vhxh = summary.ByUnit.Single(u => u.Unit.Code == "VHXH");
        var led = Catalogue.WorkItems.Count(t => t.Holders.Contains("VHXH"));
        Assert.Equal(led, vhxh.Tasks);
        Assert.Equal(led, vhxh.ByCategory.Sum(p => p.Value) + vhxh.Ongoing);
        Assert.True(vhxh.Reported);
        Assert.False(summary.ByUnit.Single(u => u.Unit.Code == "VP").Reported);
    }

    [Fact]
    public void Compile_YearEnd_TasksDueAtTheYearsEndJudgedOnTheCutOff()
    {
        // Reported 16/12: a task due 31/12 not yet done is in progress on time as of the cut-off 14/12, not overdue.
        var report = Compile([], null, new DateOnly(2027, 1, 5));

        var due = report.Sections.SelectMany(s => s.Tasks).Single(t => t.Code == "2.2");
        Assert.Equal(new DateOnly(2026, 12, 31), due.LastDay);
        Assert.Equal(StatusCategory.InProgressOnTime, due.Status.Category);
        Assert.Equal(new DateOnly(2026, 12, 14), report.CutOff);
        Assert.StartsWith("Tổng kết công tác dân vận năm 2026", report.Subject, StringComparison.Ordinal);
        Assert.EndsWith("và phương hướng, nhiệm vụ năm 2027", report.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_ScoresGivenPartlyApproved_RowsKeptNotApproved()
    {
        IReadOnlyList<ScoreBoardRow> rows =
        [
            ScoreBoardBuilder.Graded("VHXH", "Phòng Văn hóa - Xã hội", 92, 95, 93, ScoreReviewState.Approved, ScoreGrade.Excellent),
            ScoreBoardBuilder.Graded("VP", "Văn phòng HĐND và UBND phường", 80, 85, null, ScoreReviewState.Proposed, ScoreGrade.Good),
            ScoreBoardBuilder.Requested("BXDD", "Ban Xây dựng Đảng"),
        ];

        var scores = Compile([], rows, new DateOnly(2026, 12, 16)).YearEnd!.Scores;

        Assert.True(scores.Available);
        Assert.Equal(rows, scores.Rows);
        Assert.False(scores.Approved);
    }

    [Fact]
    public void Summarize_EveryGradedUnitApproved_Approved()
    {
        IReadOnlyList<ScoreBoardRow> rows =
        [
            ScoreBoardBuilder.Graded("VHXH", "Phòng Văn hóa - Xã hội", 92, 95, 93, ScoreReviewState.Approved, ScoreGrade.Excellent),
            ScoreBoardBuilder.Requested("BXDD", "Ban Xây dựng Đảng"),
        ];

        Assert.True(Compile([], rows, new DateOnly(2026, 12, 16)).YearEnd!.Scores.Approved);
        Assert.False(Compile([], null, new DateOnly(2026, 12, 16)).YearEnd!.Scores.Available);
    }
}
