using System.Collections.Concurrent;
using DanVan365.TestUtilities.Documents;
using UglyToad.PdfPig.Writer;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>A PDF of the bundled decision from one writer and layout (see <see cref="DecisionCorpus"/>).</summary>
public enum CorpusPdf
{
    /// <summary>LibreOffice from .docx: wide title and time-frame columns, ruled; Word footnotes.</summary>
    LibreOfficeWideTitle,

    /// <summary>LibreOffice from .docx: a narrow time-frame column, its header on three lines, vertically centred; ruled.</summary>
    LibreOfficeNarrowTime,

    /// <summary>LibreOffice from .docx: even unit columns, ruled; footnote marks as superscript glyphs, texts after the table.</summary>
    LibreOfficeSuperscript,

    /// <summary>Chromium's print-to-PDF of an HTML table (<see cref="DecisionHtml"/>), the header repeated per page.</summary>
    ChromiumHtml,

    /// <summary>The standard ruled LibreOffice PDF signed as e-office systems sign (<see cref="PdfSigning"/>).</summary>
    Signed,

    /// <summary>The standard ruled LibreOffice PDF two pages per landscape sheet, stored rotated (<see cref="PdfTwoUp"/>).</summary>
    RotatedTwoUp,
}

/// <summary>
/// The PDF test corpus: the bundled decision (from <see cref="DecisionDocxBuilder.HaiAn"/>, data we own) made into PDFs
/// by other writers and layouts at test time, never checked in. Each file is made once per test run (soffice and
/// chromium are slow) and shared; callers get a copy.
/// </summary>
public static class DecisionCorpus
{
    private static readonly ConcurrentDictionary<CorpusPdf, Lazy<byte[]>> Made = new();

    /// <summary>Every file of the corpus.</summary>
    public static IReadOnlyList<CorpusPdf> All { get; } = Enum.GetValues<CorpusPdf>();

    /// <summary>The file's name as a ward would receive it.</summary>
    public static string FileName(CorpusPdf pdf) => pdf switch
    {
        CorpusPdf.LibreOfficeWideTitle => "qd-673-lo-rong.pdf",
        CorpusPdf.LibreOfficeNarrowTime => "qd-673-lo-hep.pdf",
        CorpusPdf.LibreOfficeSuperscript => "qd-673-lo-chi-so-tren.pdf",
        CorpusPdf.ChromiumHtml => "qd-673-trinh-duyet.pdf",
        CorpusPdf.Signed => "qd-673-ky-so.pdf",
        CorpusPdf.RotatedTwoUp => "qd-673-phu-luc-ngang-2-trang.pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(pdf), pdf, null),
    };

    private static readonly Lazy<byte[]> MissingColumnPdf = new(() => Chromium.PrintToPdf(DecisionHtml.HaiAn(coordinating: false)));
    private static readonly Lazy<byte[]> NoTablePdf = new(() => Chromium.PrintToPdf(DecisionHtml.HaiAn(table: false)));

    /// <summary>Bad input: the decision printed by Chromium with its table missing the "Cơ quan phối hợp" column.</summary>
    public static byte[] MissingColumn => (byte[])MissingColumnPdf.Value.Clone();

    /// <summary>Bad input: the decision's paragraphs printed by Chromium, no table at all.</summary>
    public static byte[] NoTable => (byte[])NoTablePdf.Value.Clone();

    /// <summary>Bad input: one blank A4 page (PdfPig's writer), no text and no image.</summary>
    public static byte[] BlankPage()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(595, 842);
        return builder.Build();
    }

    /// <summary>The file's bytes (made on first use).</summary>
    public static byte[] Bytes(CorpusPdf pdf) => (byte[])Made.GetOrAdd(pdf, p => new Lazy<byte[]>(() => Make(p))).Value.Clone();

    private static byte[] Make(CorpusPdf pdf) => pdf switch
    {
        CorpusPdf.LibreOfficeWideTitle => LibreOfficePdf(DecisionTableLayout.WideTitle, FootnoteMarkStyle.Reference),
        CorpusPdf.LibreOfficeNarrowTime => LibreOfficePdf(DecisionTableLayout.NarrowTime, FootnoteMarkStyle.Reference),
        CorpusPdf.LibreOfficeSuperscript => LibreOfficePdf(DecisionTableLayout.Even, FootnoteMarkStyle.Superscript),
        CorpusPdf.ChromiumHtml => Chromium.PrintToPdf(DecisionHtml.HaiAn()),
        CorpusPdf.Signed => PdfSigning.Sign(DecisionForms.RuledPdf),
        CorpusPdf.RotatedTwoUp => PdfTwoUp.Print(DecisionForms.RuledPdf),
        _ => throw new ArgumentOutOfRangeException(nameof(pdf), pdf, null),
    };

    private static byte[] LibreOfficePdf(DecisionTableLayout layout, FootnoteMarkStyle marks) =>
        LibreOffice.Convert(DecisionForms.Docx(marks, layout), "pdf", "qd-673.docx");
}
