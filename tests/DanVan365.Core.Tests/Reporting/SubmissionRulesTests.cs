using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Reporting;
using DanVan365.Core.Status;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

public class SubmissionRulesTests
{
    private static readonly TaskCatalogue Catalogue = ReportCatalogueBuilder.Sample();
    private static readonly TemplateKey Key = new("VHXH", 1, CatalogueVersion.Compute(Catalogue));

    private static RawSubmissionRow Row(string code, string result = "Đã thực hiện", string status = "Hoàn thành đúng hạn") =>
        new(code, result, status, string.Empty, string.Empty);

    [Fact]
    public void Validate_GoodRows_Accepted()
    {
        var result = SubmissionRules.Validate(Catalogue, Key, [Row("2.3"), Row("3.5.a", status: ""), Row("", "", "")]);
        Assert.True(result.IsAccepted);
        Assert.Equal(2, result.Submission!.Rows.Count);
        Assert.Equal(StatusCategory.CompletedOnTime, result.Submission.Rows[0].Status);
        Assert.Null(result.Submission.Rows[1].Status);
    }

    [Fact]
    public void Validate_NfdText_NormalisedToNfc()
    {
        var nfd = "Đã tổ chức hội nghị\r\n  tuyên truyền   ".Normalize(NormalizationForm.FormD);
        var result = SubmissionRules.Validate(Catalogue, Key, [Row("2.3", nfd,
            "đang thực hiện trong hạn".Normalize(NormalizationForm.FormD))]);
        Assert.True(result.IsAccepted);
        Assert.Equal("Đã tổ chức hội nghị\ntuyên truyền", result.Submission!.Rows[0].Result);
        Assert.Equal(StatusCategory.InProgressOnTime, result.Submission.Rows[0].Status);
    }

    [Theory]
    [InlineData("9.9")]
    [InlineData("3.5")]
    public void Validate_UnknownOrHeadingCode_RejectedUnknownTaskCode(string code)
    {
        var result = SubmissionRules.Validate(Catalogue, Key, [Row(code)]);
        Assert.False(result.IsAccepted);
        Assert.Equal(RejectionKind.UnknownTaskCode, Assert.Single(result.Rejections).Kind);
    }

    [Fact]
    public void Validate_DuplicateCode_Rejected()
    {
        var result = SubmissionRules.Validate(Catalogue, Key, [Row("2.3"), Row("2.3")]);
        Assert.Equal(RejectionKind.DuplicateTaskCode, Assert.Single(result.Rejections).Kind);
    }

    [Fact]
    public void Validate_UnknownCompletionWord_RejectedWithListOfWords()
    {
        var result = SubmissionRules.Validate(Catalogue, Key, [Row("2.3", status: "Xong rồi")]);
        var reason = Assert.Single(result.Rejections);
        Assert.Equal(RejectionKind.UnknownCompletionWord, reason.Kind);
        Assert.Equal("2.3", reason.TaskCode);
        Assert.Contains("Hoàn thành đúng hạn", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CellTooLong_RejectedTextTooLong()
    {
        var result = SubmissionRules.Validate(Catalogue, Key, [Row("2.3", new string('x', SubmissionRules.MaxCellLength + 1))]);
        Assert.Equal(RejectionKind.TextTooLong, Assert.Single(result.Rejections).Kind);
    }

    [Fact]
    public void Validate_WrongUnitAndRound_BothReasons()
    {
        var result = SubmissionRules.Validate(Catalogue, Key, [Row("2.3")], new SubmissionExpectation("KTHTDT", 2));
        Assert.Equal([RejectionKind.WrongUnit, RejectionKind.WrongRound], result.Rejections.Select(r => r.Kind));
        Assert.Equal(Key, result.Key);
        Assert.Contains("KTHTDT", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongCatalogueVersionWhenAsked_Rejected()
    {
        var result = SubmissionRules.Validate(Catalogue, Key, [Row("2.3")],
            new SubmissionExpectation(CatalogueVersion: "0000000000000000"));
        Assert.Equal(RejectionKind.WrongCatalogueVersion, Assert.Single(result.Rejections).Kind);
    }

    [Fact]
    public void RowKey_Format_RoundCodeUnit()
    {
        Assert.Equal("1|3.5.a|VHXH", Submission.RowKey(1, "3.5.a", "VHXH"));
    }
}
