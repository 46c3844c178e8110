using DanVan365.Core.Catalogue;
using DanVan365.TestUtilities.Documents;
using Xunit;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>
/// The bundled decision in every form a ward receives it, made in test set-up: .docx with each footnote mark style
/// (Open XML SDK) and PDFs of two layouts converted by LibreOffice. Built once per test run (soffice is slow).
/// </summary>
public static class DecisionForms
{
    private static readonly Lazy<byte[]> RuledPdfBytes = new(() => LibreOffice.Convert(Docx(FootnoteMarkStyle.Reference,
        DecisionTableLayout.Standard), "pdf", "qd-673.docx"));
    private static readonly Lazy<byte[]> UnruledPdfBytes = new(() => LibreOffice.Convert(Docx(FootnoteMarkStyle.Reference,
        DecisionTableLayout.Unruled), "pdf", "qd-673.docx"));

    private static readonly Lazy<byte[]> WrappedHeaderPdfBytes = new(() => LibreOffice.Convert(Docx(FootnoteMarkStyle.Reference,
        DecisionTableLayout.WrappedHeader), "pdf", "qd-673.docx"));

    /// <summary>The Hải An decision as .docx bytes.</summary>
    public static byte[] Docx(FootnoteMarkStyle marks, DecisionTableLayout? layout = null) => Save(DecisionDocxBuilder.HaiAn(layout,
        marks));

    /// <summary>The Hải An decision as a PDF exported by LibreOffice: ruled table with the standard widths.</summary>
    public static byte[] RuledPdf => RuledPdfBytes.Value;

    /// <summary>The Hải An decision as a PDF exported by LibreOffice: other column widths and no ruled lines.</summary>
    public static byte[] UnruledPdf => UnruledPdfBytes.Value;

    /// <summary>The Hải An decision as a PDF exported by LibreOffice: the time-frame header wraps over three lines, centred.</summary>
    public static byte[] WrappedHeaderPdf => WrappedHeaderPdfBytes.Value;

    /// <summary>Any builder's document as .docx bytes.</summary>
    public static byte[] Save(DecisionDocxBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        using var dir = new TempDir();
        var path = dir.File("decision.docx");
        builder.Save(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>Asserts two catalogues equal entry by entry (each failure names the entry).</summary>
    public static void AssertSameEntries(TaskCatalogue expected, TaskCatalogue actual, string form)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Tasks.Select(t => t.Code), actual.Tasks.Select(t => t.Code));
        for (var i = 0; i < expected.Tasks.Count; i++)
        {
            var want = Entry(expected.Tasks[i]);
            var got = Entry(actual.Tasks[i]);
            Assert.True(want == got, $"{form}: entry {expected.Tasks[i].Code} differs\nexpected: {want}\nactual:   {got}");
        }

        Assert.Equal(CatalogueDump.Describe(expected), CatalogueDump.Describe(actual));
    }

    private static string Entry(CatalogueTask t) =>
        $"{t.Code} [{t.Section}/{t.Parent}] {t.Title} | {t.Lead.Text} => {string.Join(",", t.Lead.Units)} | "
        + $"{t.Coordinating.Text} => {string.Join(",", t.Coordinating.Units)} | {t.TimeFrame} | notes {string.Join(",", t.Footnotes)}";
}
