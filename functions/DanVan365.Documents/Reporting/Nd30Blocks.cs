using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Reporting;

/// <summary>The fixed blocks of an ND30 administrative document (header table, title, closing).</summary>
internal static class Nd30Blocks
{
    public const string Motto1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto2 = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The heading of a Party body's document (Hướng dẫn 36-HD/VPTW), in place of the national motto.</summary>
    public const string PartyMotto = "ĐẢNG CỘNG SẢN VIỆT NAM";

    private const int LeftColumn = TextWidth * 2 / 5;
    private const int RightColumn = TextWidth - LeftColumn;

    /// <summary>
    /// The borderless two-column header: issuing body (upper case, bold, short line) | national motto (bold, line as long
    /// as the motto); then the number line | the place and date (italic). A Party body's document (<paramref name="party"/>)
    /// carries "ĐẢNG CỘNG SẢN VIỆT NAM" in place of the national motto.
    /// </summary>
    public static Table Header(string authority, bool authorityBold, string issuer, string numberLine, string placeDate, bool party = false)
    {
        var table = Table([LeftColumn, RightColumn], bordered: false);
        var left = new List<Paragraph>();
        if (authority.Length > 0)
        {
            left.Add(Para(JustificationValues.Center, 0, 0, Run(authority, 26, bold: authorityBold)));
        }

        left.Add(Para(JustificationValues.Center, 0, 0, Run(issuer, 26, bold: true)));
        left.Add(Line(1150));
        var motto = party
            ? new[] { Para(JustificationValues.Center, 0, 0, Run(PartyMotto, 26, bold: true)), Line(1400) }
            :
            [
                Para(JustificationValues.Center, 0, 0, Run(Motto1, 24, bold: true)),
                Para(JustificationValues.Center, 0, 0, Run(Motto2, 26, bold: true)),
                Line(800),
            ];
        table.Append(new TableRow(Cell(LeftColumn, [.. left]), Cell(RightColumn, motto)));
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
