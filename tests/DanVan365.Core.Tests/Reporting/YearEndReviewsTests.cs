using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Reporting;

public class YearEndReviewsTests
{
    private static RawYearEndReview Raw(string points = "", string note = "") =>
        new("Chủ động tham mưu.", "Một số nhiệm vụ chậm.", "Thiếu nhân lực.", "Tiếp tục thực hiện dân chủ ở cơ sở.", points, note);

    [Fact]
    public void Validate_AssignedUnitWithSelfScore_ReviewWithPoints()
    {
        var (review, problems) = YearEndReviews.Validate(Raw("85,5", "Hoàn thành các nhiệm vụ chủ trì."), graded: true);

        Assert.Empty(problems);
        Assert.Equal(new SelfScore(85.5, "Hoàn thành các nhiệm vụ chủ trì."), review!.SelfScore);
        Assert.Equal("Thiếu nhân lực.", review.Causes);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("tám mươi")]
    [InlineData("-5")]
    public void Validate_BadPoints_RefusedNamingTheScore(string points)
    {
        var (review, problems) = YearEndReviews.Validate(Raw(points), graded: true);

        Assert.Null(review);
        Assert.Equal(RejectionKind.BadSelfScore, Assert.Single(problems).Kind);
    }

    [Fact]
    public void Validate_RequestedUnitGivesAScore_Refused()
    {
        var (_, problems) = YearEndReviews.Validate(Raw("90"), graded: false);

        Assert.Contains("không tự chấm điểm", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AllBlank_NoReview()
    {
        var (review, problems) = YearEndReviews.Validate(new RawYearEndReview("", " ", "", "", "", ""), graded: true);

        Assert.Null(review);
        Assert.Empty(problems);
    }

    [Fact]
    public void ReportRows_ReviewStoredThenRead_SameReview()
    {
        var review = new YearEndReview("Ưu điểm A.", "Hạn chế B.", "", "Phương hướng C.", new SelfScore(92, "Ghi chú."));
        var submission = new Submission("VHXH", 3, "v1", [new SubmissionRow("1.1", "Kết quả.", null, "", "Đề xuất.")]) { Review = review };
        var catalogue = TestUtilities.Builders.ReportCatalogueBuilder.Sample();

        var desired = ReportRows.Desired(catalogue, submission, [], "Bao-cao.docx", new DateOnly(2026, 12, 10));
        var stored = desired.Select((d, i) => new CurrentRow($"{i}", d.Key, "e", d.Fields)).ToList();
        var read = Assert.Single(ReportRows.Submissions(stored, 3, "v1"));

        Assert.Equal(["3|1.1|VHXH", "3|TK.1|VHXH", "3|TK.2|VHXH", "3|TK.4|VHXH", "3|TK.5|VHXH"], desired.Select(d => d.Key));
        Assert.Equal(review, read.Review);
        Assert.Equal(["1.1"], read.Rows.Select(r => r.Code));
    }
}
