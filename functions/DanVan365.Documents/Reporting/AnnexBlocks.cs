using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Reporting;

/// <summary>
/// The blocks a decision's annex shares between the drafts DanVan365 writes (the amendment annex, next year's annex): the
/// "DỰ THẢO" mark, the ND30 header, "DANH MỤC" with its title and reference lines, and the table's repeated header row in
/// the decision's columns.
/// </summary>
internal static class AnnexBlocks
{
    /// <summary>Table text size (12 pt).</summary>
    public const int TableSize = 24;

    /// <summary>
    /// The decision's columns, as the importer reads them (TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện).
    /// </summary>
    public static readonly IReadOnlyList<string> DecisionHeadings =
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];

    /// <summary>"DỰ THẢO" (bold, right), the ND30 header of the committee, "DANH MỤC", the title (bold) and the italic lines.</summary>
    public static IEnumerable<DocumentFormat.OpenXml.OpenXmlElement> Opening(string upperName, string title, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        yield return Para(JustificationValues.Right, 0, 120, Run("DỰ THẢO", TableSize, bold: true));
        yield return Nd30Blocks.Header("ỦY BAN NHÂN DÂN", true, upperName, string.Empty, string.Empty);
        yield return Para(JustificationValues.Center, 240, 0, Run("DANH MỤC", 28, bold: true));
        yield return Para(JustificationValues.Center, 0, 0, Run(title, 28, bold: true));
        for (var i = 0; i < lines.Count; i++)
        {
            yield return Para(JustificationValues.Center, 0, i == lines.Count - 1 ? 240 : 0, Run(lines[i], 28, italic: true));
        }
    }

    /// <summary>The header row (repeated on every page): the headings, bold and centred.</summary>
    public static TableRow HeaderRow(IReadOnlyList<int> widths, IReadOnlyList<string> headings)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(headings);
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < widths.Count; i++)
        {
            head.Append(Cell(widths[i], Para(JustificationValues.Center, 0, 0, Run(headings[i], TableSize, bold: true))));
        }

        return head;
    }
}
