using DanVan365.Core.Reporting;
using DanVan365.Core.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using static DanVan365.Documents.Reporting.WordKit;

namespace DanVan365.Documents.Reporting;

/// <summary>
/// The general part of a year-end template (docs/architecture.md "The year-end review"): a two-column table headed
/// "Nội dung tổng kết" with one row per item (ưu điểm, hạn chế, nguyên nhân, phương hướng năm sau; an assigned unit's own score
/// and its note), written after the work table and read back by <see cref="SubmissionParser"/>.
/// </summary>
internal static class YearEndPart
{
    private static readonly int[] Widths = [4200, 9803];

    /// <summary>The part's title and table for <paramref name="spec"/> (a year-end round's template).</summary>
    public static IEnumerable<DocumentFormat.OpenXml.OpenXmlElement> Write(UnitTemplateSpec spec)
    {
        yield return Para(JustificationValues.Center, 360, 240, Run(
            VietnameseText.Upper($"Đánh giá chung và {YearEndReviews.NextYearLabel(spec.Year)}"), 28, bold: true));
        var table = Table(Widths, bordered: true);
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        head.Append(
            Cell(Widths[0], Para(JustificationValues.Center, 0, 0, Run(YearEndReviews.Heading, 24, bold: true))),
            Cell(Widths[1], Para(JustificationValues.Center, 0, 0, Run(YearEndReviews.AnswerHeading, 24, bold: true))));
        table.Append(head);
        foreach (var label in Labels(spec))
        {
            var row = new TableRow();
            row.Append(
                Cell(Widths[0], Para(JustificationValues.Left, 40, 40, Run(label, 24, bold: true))),
                Cell(Widths[1], Para(JustificationValues.Left, 40, 40, Run(string.Empty, 24))));
            table.Append(row);
        }

        yield return table;
    }

    /// <summary>The rows' labels: a requested unit (not graded) has no self score.</summary>
    public static IReadOnlyList<string> Labels(UnitTemplateSpec spec)
    {
        List<string> labels = [YearEndReviews.StrengthsLabel, YearEndReviews.WeaknessesLabel, YearEndReviews.CausesLabel,
            YearEndReviews.NextYearLabel(spec.Year)];
        if (!spec.Requested)
        {
            labels.Add(YearEndReviews.SelfScoreLabel);
            labels.Add(YearEndReviews.SelfScoreNoteLabel);
        }

        return labels;
    }

    /// <summary>The general part of a filled template, or null when it has none (any other round's template, or an old one).</summary>
    public static RawYearEndReview? Read(Body body)
    {
        foreach (var table in body.Descendants<Table>())
        {
            var rows = table.Elements<TableRow>().ToList();
            if (rows.Count == 0 || !Is(First(rows[0]), YearEndReviews.Heading))
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows.Skip(1))
            {
                var cells = row.Elements<TableCell>().Select(SubmissionParser.CellText).ToList();
                if (cells.Count >= 2 && Field(cells[0]) is { } field && !values.ContainsKey(field))
                {
                    values[field] = cells[1];
                }
            }

            string Get(string field) => values.GetValueOrDefault(field, string.Empty);
            return new RawYearEndReview(Get("strengths"), Get("weaknesses"), Get("causes"), Get("nextYear"), Get("points"), Get("note"));
        }

        return null;
    }

    private static string First(TableRow row) =>
        row.Elements<TableCell>().FirstOrDefault() is { } cell ? SubmissionParser.CellText(cell) : string.Empty;

    private static bool Is(string text, string label) =>
        SubmissionRules.Clean(text).StartsWith(label, StringComparison.OrdinalIgnoreCase);

    private static string? Field(string label) =>
        Is(label, YearEndReviews.StrengthsLabel) ? "strengths"
        : Is(label, YearEndReviews.WeaknessesLabel) ? "weaknesses"
        : Is(label, YearEndReviews.CausesLabel) ? "causes"
        : Is(label, YearEndReviews.NextYearPrefix) ? "nextYear"
        : Is(label, YearEndReviews.SelfScoreNoteLabel) ? "note"
        : Is(label, "Tự chấm điểm") ? "points"
        : null;
}
