using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Reporting;

/// <summary>The fixed blocks of an ND30 administrative document (header table, title, closing).</summary>
internal static class Nd30Blocks
{
    public const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto2 = "Độc lập - Tự do - Hạnh phúc";

    private const int LeftColumn = TextWidth * 2 / 5;
    private const int RightColumn = TextWidth - LeftColumn;

    /// <summary>
    /// The borderless two-column header: issuing body (upper case, bold, short line) | national motto (bold, line as long
    /// as the motto); then the number line | the place and date (italic).
    /// </summary>
    public static Table Header(string authority, bool authorityBold, string issuer, string numberLine, string placeDate)
    {
        var table = Table([LeftColumn, RightColumn], bordered: false);
        var left = new List<Paragraph>();
        if (authority.Length > 0)
        {
            left.Add(Para(JustificationValues.Center, 0, 0, Run(authority, 26, bold: authorityBold)));
        }

        left.Add(Para(JustificationValues.Center, 0, 0, Run(issuer, 26, bold: true)));
        left.Add(Line(1150));
        table.Append(new TableRow(
            Cell(LeftColumn, [.. left]),
            Cell(
                RightColumn,
                Para(JustificationValues.Center, 0, 0, Run(Motto1, 24, bold: true)),
                Para(JustificationValues.Center, 0, 0, Run(Motto2, 26, bold: true)),
                Line(800))));
        table.Append(new TableRow(
            Cell(LeftColumn, Para(JustificationValues.Center, 120, 0, Run(numberLine, 26))),
            Cell(RightColumn, Para(JustificationValues.Center, 120, 0, Run(placeDate, 26, italic: true)))));
        return table;
    }

    /// <summary>"BÁO CÁO" (14, bold, centred), the subject (14, bold, centred), a short line.</summary>
    public static IEnumerable<Paragraph> Title(string title, string subject)
    {
        yield return Para(JustificationValues.Center, 360, 0, Run(title, 28, bold: true));
        yield return Para(JustificationValues.Center, 0, 0, Run(subject, 28, bold: true));
        yield return Line(3400);
    }
}
