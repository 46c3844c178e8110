using DanVan365.Core.Sync;

namespace DanVan365.Core.Tests.Sync;

public class RowKeysTests
{
    [Fact]
    public void AssignmentKey_FormatThenParse_RoundTrips()
    {
        var text = AssignmentKey.Format("3.5.a", "VHXH");

        Assert.Equal("3.5.a|VHXH", text);
        Assert.Equal(new AssignmentKey("3.5.a", "VHXH"), AssignmentKey.Parse(text));
        Assert.Equal(text, AssignmentKey.Parse(text).ToString());
    }

    [Theory]
    [InlineData("3.5.a")]
    [InlineData("|VHXH")]
    [InlineData("3.5.a|")]
    [InlineData("1|3.5.a|VHXH")]
    [InlineData("")]
    public void AssignmentKey_Malformed_NotParsed(string text)
    {
        Assert.False(AssignmentKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => AssignmentKey.Parse(text));
    }

    [Fact]
    public void AssignmentKey_DecomposedText_NormalisedToNfc()
    {
        var nfd = "1.1|ĐVSN".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal("ĐVSN", AssignmentKey.Parse(nfd).UnitCode);
    }

    [Fact]
    public void ReportKey_FormatThenParse_RoundTrips()
    {
        var text = ReportKey.Format(2, "3.5.a", "VHXH");

        Assert.Equal("2|3.5.a|VHXH", text);
        Assert.Equal(new ReportKey(2, "3.5.a", "VHXH"), ReportKey.Parse(text));
    }

    [Theory]
    [InlineData("0|1.1|VP")]
    [InlineData("-1|1.1|VP")]
    [InlineData("x|1.1|VP")]
    [InlineData("1|1.1")]
    [InlineData("1||VP")]
    public void ReportKey_Malformed_NotParsed(string text)
    {
        Assert.False(ReportKey.TryParse(text, out _));
    }

    [Fact]
    public void ReportRow_ColumnsMissing_TakenFromKey()
    {
        var row = ReportRow.From(new CurrentRow("4", "1|2.3|KT", null, new Dictionary<string, string?> { [ReportColumns.Result] = "x" }));

        Assert.NotNull(row);
        Assert.Equal((1, "2.3", "KT"), (row.Round, row.TaskCode, row.UnitCode));
        Assert.Equal("x", row.Result);
    }

    [Fact]
    public void AssignmentRow_ColumnsMissing_TakenFromKeyAndUnreadableRowSkipped()
    {
        var row = AssignmentRow.From(new CurrentRow("4", "2.3|KT", null, new Dictionary<string, string?>()));

        Assert.Equal(("2.3", "KT"), (row!.TaskCode, row.UnitCode));
        Assert.Null(AssignmentRow.From(new CurrentRow("5", "bad", null, new Dictionary<string, string?>())));
    }
}
