using DanVan365.Documents.Catalogue.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DanVan365.Documents.Tests.Catalogue.Pdf;

/// <summary>Sheets drawn with PdfPig's builder come out as upright logical pages, 2-up sheets split left then right.</summary>
public class PdfPageNormaliserTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public void Normalise_PortraitPageRotated_LinesReadTopDownLeftToRight(int rotation)
    {
        var pdf = Sheet(PageSize.A4, portrait: true, rotation, page =>
        {
            page.Text("first line of the page", 60, 760);
            page.Text("second line", 60, 744);
            page.Text("third", 300, 728);
        });

        var views = Normalise(pdf);

        var view = Assert.Single(views);
        Assert.Equal(["first line of the page", "second line", "third"], Lines(view));
        Assert.True(view.Height > view.Width, $"{view.Width} x {view.Height}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    [InlineData(270)]
    public void Normalise_TwoUpLandscapeSheet_SplitIntoLeftThenRightPage(int rotation)
    {
        var pdf = Sheet(PageSize.A4, portrait: false, rotation, page =>
        {
            page.Text("left page, first line", 40, 540);
            page.Text("left page, second line", 40, 530);
            page.Text("right page, first line", 460, 540);
            page.Text("right page, second line", 460, 530);
            page.Rule(40, 520, 380, 520);
            page.Rule(460, 520, 800, 520);
        });

        var views = Normalise(pdf);

        Assert.Equal([1, 2], views.Select(v => v.Number));
        Assert.All(views, v => Assert.Equal(1, v.Sheet));
        Assert.Equal(["left page, first line", "left page, second line"], Lines(views[0]));
        Assert.Equal(["right page, first line", "right page, second line"], Lines(views[1]));
        Assert.All(views, v => Assert.True(v.Height > v.Width, $"{v.Width} x {v.Height}"));
        Assert.Single(views[1].Rules);
        Assert.InRange(views[1].Rules[0].Left, 0, views[1].Width);
    }

    [Fact]
    public void Normalise_LandscapeTableAcrossTheMiddle_OnePage()
    {
        var pdf = Sheet(PageSize.A4, portrait: false, 0, page =>
        {
            page.Text("TT  Nhiem vu", 40, 540);
            page.Text("one", 460, 540);
            page.Rule(40, 530, 800, 530); // a table's rule crosses the empty middle
        });

        Assert.Single(Normalise(pdf));
    }

    [Fact]
    public void Normalise_PdfWithTwoSheets_LogicalPagesCountHalves()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PageSize.A4, isPortrait: false);
        first.AddText("left", 10, new PdfPoint(40, 540), font);
        first.AddText("right", 10, new PdfPoint(460, 540), font);
        builder.AddPage(PageSize.A4).AddText("portrait", 10, new PdfPoint(60, 760), font);

        var views = Normalise(builder.Build());

        Assert.Equal([(1, 1), (2, 1), (3, 2)], views.Select(v => (v.Number, v.Sheet)));
    }

    private static List<string> Lines(PdfPageView view) => [.. PdfLines.Lines(view, 10).Select(l => l.Trimmed)];

    private static List<PdfPageView> Normalise(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = false });
        return PdfPageNormaliser.Normalise(document.GetPages());
    }

    private static byte[] Sheet(PageSize size, bool portrait, int rotation, Action<SheetWriter> draw)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(size, portrait);
        draw(new SheetWriter(page, font));
        if (rotation != 0)
        {
            page.SetRotation(new PageRotationDegrees(rotation));
        }

        return builder.Build();
    }

    private sealed class SheetWriter(PdfPageBuilder page, PdfDocumentBuilder.AddedFont font)
    {
        public void Text(string text, double x, double y) => page.AddText(text, 10, new PdfPoint(x, y), font);

        public void Rule(double x1, double y1, double x2, double y2) => page.DrawLine(new PdfPoint(x1, y1), new PdfPoint(x2, y2), 0.5);
    }
}
