using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;

namespace DanVan365.Core.Tests.Catalogue;

public class TimeFrameParserTests
{
    [Theory]
    [InlineData("Thường xuyên", TimeFrameKind.Ongoing, null)]
    [InlineData("Thường  xuyên.", TimeFrameKind.Ongoing, null)]
    [InlineData("Hoàn thành trước 15/2/2026", TimeFrameKind.Before, "2026-02-14")]
    [InlineData("Hoàn thành trước ngày 28/02/2026", TimeFrameKind.Before, "2026-02-27")]
    [InlineData("Hoàn thành trước ngày 01/01/2027", TimeFrameKind.Before, "2026-12-31")]
    [InlineData("Hoàn thành trước 01/03/2028", TimeFrameKind.Before, "2028-02-29")]
    [InlineData("Hoàn thành trước 01/03/2026", TimeFrameKind.Before, "2026-02-28")]
    [InlineData("Hoàn thành trước 01/03/2100", TimeFrameKind.Before, "2100-02-28")]
    [InlineData("Hoàn thành trước 01/03/2000", TimeFrameKind.Before, "2000-02-29")]
    [InlineData("Quý I/2026", TimeFrameKind.Quarter, "2026-03-31")]
    [InlineData("Quý I/2026,", TimeFrameKind.Quarter, "2026-03-31")]
    [InlineData("Quý II/2026", TimeFrameKind.Quarter, "2026-06-30")]
    [InlineData("Quý III/2026", TimeFrameKind.Quarter, "2026-09-30")]
    [InlineData("Quý IV/2026", TimeFrameKind.Quarter, "2026-12-31")]
    [InlineData("quý iv / 2027;", TimeFrameKind.Quarter, "2027-12-31")]
    [InlineData("Tháng 8/2026", TimeFrameKind.Month, "2026-08-31")]
    [InlineData("Tháng 11/2026", TimeFrameKind.Month, "2026-11-30")]
    [InlineData("Tháng 2/2028", TimeFrameKind.Month, "2028-02-29")]
    [InlineData("Tháng 02/2026", TimeFrameKind.Month, "2026-02-28")]
    [InlineData("Năm 2026", TimeFrameKind.Year, "2026-12-31")]
    [InlineData("Cả năm 2026", TimeFrameKind.Year, "2026-12-31")]
    [InlineData("Năm 2026 và các năm tiếp theo", TimeFrameKind.YearOnward, "2026-12-31")]
    public void TryParse_KnownExpression_KindAndLastDay(string text, TimeFrameKind kind, string? lastDay)
    {
        var result = TimeFrameParser.TryParse(text);

        Assert.Equal(TimeFrameParseStatus.Ok, result.Status);
        Assert.Equal(kind, result.TimeFrame!.Kind);
        Assert.Equal(lastDay is null ? null : DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture),
            result.TimeFrame.LastDay);
    }

    [Fact]
    public void TryParse_TrailingPunctuation_KeepsTextAsWritten()
    {
        Assert.Equal("Quý I/2026,", TimeFrameParser.TryParse("  Quý   I/2026, ").TimeFrame!.Text);
    }

    [Theory]
    [InlineData("Hoàn thành trước 30/02/2026")]
    [InlineData("Hoàn thành trước 29/02/2027")]
    [InlineData("Hoàn thành trước 32/01/2026")]
    [InlineData("Tháng 13/2026")]
    [InlineData("Tháng 0/2026")]
    public void TryParse_ImpossibleDate_Invalid(string text)
    {
        var result = TimeFrameParser.TryParse(text);

        Assert.Equal(TimeFrameParseStatus.Invalid, result.Status);
        Assert.NotNull(result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Sớm nhất có thể")]
    [InlineData("Quý V/2026")]
    [InlineData("Trước 15/02/2026")]
    [InlineData("Cả năm 2026 và các năm tiếp theo")]
    [InlineData("trực thuộc Năm 2026")]
    public void TryParse_NotATimeFrame_NotRecognised(string text)
    {
        Assert.Equal(TimeFrameParseStatus.NotRecognised, TimeFrameParser.TryParse(text).Status);
    }

    [Fact]
    public void Parse_NotUnderstood_ThrowsNamingFileAndLine()
    {
        var ex = Assert.Throws<InvalidInputException>(() => TimeFrameParser.Parse("Sớm nhất có thể", "qd.txt", 42));

        Assert.Equal(42, ex.Line);
        Assert.StartsWith("qd.txt:42: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sớm nhất có thể", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ImpossibleDate_ThrowsNamingDate()
    {
        var ex = Assert.Throws<InvalidInputException>(() => TimeFrameParser.Parse("Hoàn thành trước 30/02/2026", "qd.txt", 7));

        Assert.Contains("30/02/2026", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseReportingRounds_PartTwoSentence_LastDayIsDayBefore()
    {
        var rounds =
            TimeFrameParser.ParseReportingRounds("báo cáo kết quả lần 1 trước ngày 15/9/2026, lần 2 trước ngày 20/11/2026 và báo cáo đột " +
            "xuất", "qd.txt", 1);

        Assert.Collection(
            rounds,
            r => Assert.Equal((1, new DateOnly(2026, 9, 14), "lần 1 trước ngày 15/9/2026"), (r.Round, r.LastDay, r.Text)),
            r => Assert.Equal((2, new DateOnly(2026, 11, 19), "lần 2 trước ngày 20/11/2026"), (r.Round, r.LastDay, r.Text)));
    }

    [Fact]
    public void ParseReportingRounds_ImpossibleDate_Throws()
    {
        Assert.Throws<InvalidInputException>(() => TimeFrameParser.ParseReportingRounds("lần 1 trước ngày 31/9/2026", "qd.txt", 3));
    }
}
