using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Footnote 1's raised mark, read by OCR as "!" or an apostrophe glued to a title's word, found again.</summary>
public class ScanFootnoteMarksTests
{
    [Theory]
    [InlineData("dân chủ ở cơ sở!.", "dân chủ ở cơ sở.")]
    [InlineData("dân chủ ở cơ sở!, tiếp", "dân chủ ở cơ sở, tiếp")]
    [InlineData("dân chủ ở cơ sở'.", "dân chủ ở cơ sở.")]
    [InlineData("“Dân vận khéo”! năm 2026", "“Dân vận khéo” năm 2026")]
    [InlineData("ở cơ sở!", "ở cơ sở")]
    public void Find_OneTitleWithMisreadOne_TitleWithoutIt(string read, string expected)
    {
        var found = ScanFootnoteMarks.Find(["Xây dựng kế hoạch.", read, "Tổ chức thực hiện."], "1");

        Assert.Equal((1, expected), found);
    }

    [Fact]
    public void Find_TwoTitlesWithTheGlyph_Null() =>
        Assert.Null(ScanFootnoteMarks.Find(["cơ sở!.", "kế hoạch!."], "1"));

    [Fact]
    public void Find_OneTitleWithTheGlyphTwice_Null() => Assert.Null(ScanFootnoteMarks.Find(["cơ sở!, kế hoạch!."], "1"));

    [Fact]
    public void Find_OtherMark_Null() => Assert.Null(ScanFootnoteMarks.Find(["cơ sở!."], "2"));

    [Theory]
    [InlineData("Nghị quyết số 82/NQ-HĐND.")]
    [InlineData("tỷ lệ 100 ! đạt")]
    [InlineData("2026!")]
    public void Find_NoGlyphGluedToALetter_Null(string title) => Assert.Null(ScanFootnoteMarks.Find([title], "1"));
}
