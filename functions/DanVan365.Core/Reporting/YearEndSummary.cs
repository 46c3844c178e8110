using DanVan365.Core.Catalogue;
using DanVan365.Core.Scoring;
using DanVan365.Core.Status;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>An assigned unit's tasks at the year's end: the tasks it leads, by final state.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Tasks">Work items it leads (or follows up).</param>
/// <param name="ByCategory">Those with a deadline per status category, every category present, official order.</param>
/// <param name="Ongoing">Ongoing ones ("Thường xuyên").</param>
/// <param name="Reported">True when the unit sent its year-end report.</param>
public sealed record UnitResult(UnitName Unit, int Tasks, IReadOnlyList<KeyValuePair<StatusCategory, int>> ByCategory, int Ongoing,
    bool Reported);

/// <summary>The scoring table as the year-end report's appendix shows it.</summary>
/// <param name="Available">False when nothing provides the scoring yet (<see cref="IScoreBoardSource"/> not there).</param>
/// <param name="Rows">One row per unit; empty when not available.</param>
public sealed record ScoreAppendix(bool Available, IReadOnlyList<ScoreBoardRow> Rows)
{
    /// <summary>True when every graded unit's score is approved by the signer (and at least one unit is graded).</summary>
    public bool Approved => Rows.Any(r => r.Computed.Graded)
        && Rows.Where(r => r.Computed.Graded).All(r => r.Review?.State == ScoreReviewState.Approved);
}

/// <summary>
/// What a year-end report adds to a round's (docs/architecture.md "The year-end review"): results by unit, the lessons
/// (ưu điểm, hạn chế, nguyên nhân) and next year's directions from the units' general parts, each once with its units
/// (<see cref="ReportRemarks.Merge"/>), and the scoring table.
/// </summary>
public sealed record YearEndSummary(
    int NextYear,
    IReadOnlyList<UnitResult> ByUnit,
    IReadOnlyList<ReportRemark> Strengths,
    IReadOnlyList<ReportRemark> Weaknesses,
    IReadOnlyList<ReportRemark> Causes,
    IReadOnlyList<ReportRemark> Directions,
    ScoreAppendix Scores);

/// <summary>Builds a <see cref="YearEndSummary"/> from the compiled round and the units' submissions (pure, deterministic).</summary>
public static class YearEndCompiler
{
    /// <summary>
    /// The year-end part of <paramref name="report"/>: results by assigned unit (directory order of the catalogue), the lessons
    /// and next year's directions (the units' "Phương hướng, nhiệm vụ năm sau", then their "Đề xuất, kiến nghị" cells), and the
    /// scoring rows (<paramref name="scores"/> null: not yet available).
    /// </summary>
    public static YearEndSummary Summarize(CompiledReport report, TaskCatalogue catalogue, IEnumerable<Submission> submissions,
        UnitDirectory units, IReadOnlyList<ScoreBoardRow>? scores)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(submissions);
        ArgumentNullException.ThrowIfNull(units);
        var byUnit = submissions.Where(s => s.Round == report.Round.Number)
            .GroupBy(s => s.UnitCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var order = ReportPlanner.ExpectedUnits(catalogue);
        string Name(string code) => ReportPlanner.UnitName(units, code);
        var entries = report.Sections.SelectMany(s => s.Tasks).Where(e => !e.IsHeading)
            .GroupBy(e => e.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var results = new List<UnitResult>();
        foreach (var unit in ReportPlanner.RequiredUnits(catalogue, units))
        {
            var led = catalogue.WorkItems.Where(t => t.Holders.Contains(unit, StringComparer.Ordinal))
                .Select(t => entries.GetValueOrDefault(VietnameseText.Nfc(t.Code))).OfType<ReportTaskEntry>().ToList();
            results.Add(new UnitResult(new UnitName(unit, Name(unit)), led.Count,
                [.. StatusCategories.All.Select(c => new KeyValuePair<StatusCategory, int>(c, led.Count(e => e.Status.Category == c)))],
                led.Count(e => e.Status.Ongoing),
                byUnit.TryGetValue(unit, out var sent) && (sent.Rows.Any(r => r.HasContent) || sent.Review is not null)));
        }

        var reviews = order.Where(byUnit.ContainsKey).Concat(byUnit.Keys.Where(u => !order.Contains(u)).Order(StringComparer.Ordinal))
            .Select(u => (Unit: new UnitName(u, Name(u)), Submission: byUnit[u])).ToList();
        IReadOnlyList<ReportRemark> Lessons(Func<YearEndReview, string> pick) => Untasked(ReportRemarks.Merge(reviews
            .Where(r => r.Submission.Review is not null)
            .Select(r => (r.Unit, string.Empty, pick(r.Submission.Review!)))));
        var taskOrder = catalogue.Tasks.Select((t, i) => (Code: VietnameseText.Nfc(t.Code), i)).GroupBy(p => p.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var directions = Untasked(ReportRemarks.Merge(
            reviews.Where(r => r.Submission.Review is not null).Select(r => (r.Unit, string.Empty, r.Submission.Review!.NextYear))
                .Concat(reviews.SelectMany(r => r.Submission.Rows
                    .Where(row => taskOrder.ContainsKey(row.Code) && row.Proposals.Length > 0)
                    .OrderBy(row => taskOrder[row.Code])
                    .Select(row => (r.Unit, row.Code, row.Proposals))))));
        return new YearEndSummary(report.Year + 1, results, Lessons(r => r.Strengths), Lessons(r => r.Weaknesses), Lessons(r => r.Causes),
            directions, new ScoreAppendix(scores is not null, scores ?? []));
    }

    /// <summary>Drops the empty task code a general-part remark was merged with (it names its unit only).</summary>
    private static IReadOnlyList<ReportRemark> Untasked(IReadOnlyList<ReportRemark> remarks) =>
        [.. remarks.Select(r => r with
        {
            Sources = [.. r.Sources.Select(s => s with { TaskCodes = [.. s.TaskCodes.Where(c => c.Length > 0)] })],
        })];
}
