using DanVan365.Core.Sync;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>
/// How a year-end report's general part (<see cref="YearEndReview"/>) is stored: as rows of list "Báo cáo kết quả" beside the
/// unit's task rows, keyed "round|TK.n|unitCode" ("TK" for tổng kết; no catalogue code starts with a letter), so they are
/// written, sealed, cleared, returned and read exactly as the report rows are (docs/architecture.md "The year-end review").
/// TK.1 ưu điểm, TK.2 hạn chế, TK.3 nguyên nhân, TK.4 phương hướng năm sau (column Kết quả thực hiện); TK.5 the unit's own score
/// (its points in Kết quả thực hiện, its note in Đề xuất, kiến nghị).
/// </summary>
public static class YearEndRows
{
    /// <summary>The codes' prefix.</summary>
    public const string Prefix = "TK.";

    public const string Strengths = Prefix + "1";

    public const string Weaknesses = Prefix + "2";

    public const string Causes = Prefix + "3";

    public const string NextYear = Prefix + "4";

    public const string SelfScore = Prefix + "5";

    /// <summary>True for a row code of the general part.</summary>
    public static bool IsReviewCode(string? code) => code is not null && code.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The general part as (code, result, proposals) cells; blank items are left out.</summary>
    public static IReadOnlyList<(string Code, string Result, string Proposals)> Cells(YearEndReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var cells = new List<(string, string, string)>();
        foreach (var (code, text) in new[]
        {
            (Strengths, review.Strengths), (Weaknesses, review.Weaknesses), (Causes, review.Causes), (NextYear, review.NextYear),
        })
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                cells.Add((code, text, string.Empty));
            }
        }

        if (review.SelfScore is { } self)
        {
            cells.Add((SelfScore, YearEndReviews.FormatPoints(self.Points), self.Note));
        }

        return cells;
    }

    /// <summary>The general part one unit's rows of a round hold, or null when they hold none.</summary>
    public static YearEndReview? Review(IEnumerable<ReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byCode = rows.Where(r => IsReviewCode(r.TaskCode)).GroupBy(r => r.TaskCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (byCode.Count == 0)
        {
            return null;
        }

        string Text(string code) => VietnameseText.Nfc(byCode.GetValueOrDefault(code)?.Result ?? string.Empty);
        var self = byCode.GetValueOrDefault(SelfScore) is { } score && YearEndReviews.ParsePoints(score.Result) is { } points
            ? new Core.Reporting.SelfScore(points, VietnameseText.Nfc(score.Proposals ?? string.Empty))
            : null;
        return new YearEndReview(Text(Strengths), Text(Weaknesses), Text(Causes), Text(NextYear), self);
    }
}
