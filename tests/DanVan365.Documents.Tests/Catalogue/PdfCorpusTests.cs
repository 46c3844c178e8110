using DanVan365.TestUtilities.Catalogue;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>Each corpus PDF has the trait it is there to exercise (checked with PdfPig), so a parity pass means something.</summary>
public class PdfCorpusTests
{
    [Fact]
    public void NarrowTime_TimeFrameHeader_WrapsOverThreeLinesCentredOnTheOthers()
    {
        using var document = PdfDocument.Open(DecisionCorpus.Bytes(CorpusPdf.LibreOfficeNarrowTime));
        var words = document.GetPage(1).GetWords().ToList();
        var tt = words.First(w => w.Text == "TT");
        var first = words.First(w => w.Text == "Thời");
        var firstRow = words.First(w => w.Text == "CÁC" && w.BoundingBox.Top < tt.BoundingBox.Bottom);
        var header = words.Where(w => w.BoundingBox.Left >= first.BoundingBox.Left - 1 && w.BoundingBox.Bottom > firstRow.BoundingBox.Top
            && w.BoundingBox.Bottom < tt.BoundingBox.Top + 40).ToList();

        Assert.Equal(["Thời", "gian", "thực", "hiện"], header.Select(w => w.Text));
        var lines = header.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().ToList();
        Assert.Equal(3, lines.Count);
        Assert.InRange(tt.BoundingBox.Bottom, lines.Min() + 1, lines.Max() - 1);
    }

    [Fact]
    public void Superscript_FootnoteMark_IsASmallerRaisedGlyph()
    {
        using var document = PdfDocument.Open(DecisionCorpus.Bytes(CorpusPdf.LibreOfficeSuperscript));
        var letters = document.GetPage(1).Letters;
        var mark = Enumerable.Range(1, letters.Count - 1).First(i => letters[i].Value == "1" && letters[i - 1].Value == "ở");

        Assert.True(letters[mark].PointSize < letters[mark - 1].PointSize, "the mark is not smaller");
        Assert.True(letters[mark].StartBaseLine.Y > letters[mark - 1].StartBaseLine.Y + 1, "the mark is not raised");
    }

    [Fact]
    public void ChromiumHtml_Table_BreaksAcrossPagesWithTheHeaderRepeated()
    {
        using var document = PdfDocument.Open(DecisionCorpus.Bytes(CorpusPdf.ChromiumHtml));
        var withHeader = document.GetPages().Count(p => p.Text.Contains("Cơ quan phối", StringComparison.Ordinal));

        Assert.True(withHeader >= 3, $"the table header is on {withHeader} pages");
        Assert.Contains("Skia", document.Information.Producer, StringComparison.Ordinal);
    }

    [Fact]
    public void RotatedTwoUp_Sheets_PortraitMediaBoxRotatedHoldingTwoPagesEach()
    {
        using var source = PdfDocument.Open(DecisionForms.RuledPdf);
        using var document = PdfDocument.Open(DecisionCorpus.Bytes(CorpusPdf.RotatedTwoUp));

        Assert.Equal((source.NumberOfPages + 1) / 2, document.NumberOfPages);
        Assert.All(document.GetPages(), (Page p) =>
        {
            Assert.Equal(90, p.Rotation.Value);
            Assert.True(p.MediaBox.Bounds.Width < p.MediaBox.Bounds.Height, "the MediaBox is not portrait");
        });
        var sheet = document.GetPage(1).GetWords().Select(w => w.Text).ToList();
        Assert.Contains("QUYẾT", sheet);
        Assert.Contains(source.GetPage(2).GetWords().First(w => w.Text.Length > 3).Text, sheet);
    }
}
