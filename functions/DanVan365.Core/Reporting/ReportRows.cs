using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>
/// Báo cáo kết quả rows (<see cref="SiteSchema.Reports"/>, key "round|code|unitCode") ↔ submissions, as pure functions.
/// A submission replaces what its unit reported in that round: its rows are written, and the unit's earlier rows of
/// that round that it no longer fills are cleared (never deleted). Only the unit's rows of that round are planned.
/// </summary>
public static class ReportRows
{
    public const string Round = ReportColumns.Round;
    public const string TaskCode = ReportColumns.TaskCode;
    public const string UnitCode = ReportColumns.UnitCode;
    public const string Role = ReportColumns.Role;
    public const string Result = ReportColumns.Result;
    public const string Completion = ReportColumns.Completion;
    public const string Difficulties = ReportColumns.Difficulties;
    public const string Proposals = ReportColumns.Proposals;
    public const string SourceFile = ReportColumns.SourceFile;
    public const string SubmittedOn = ReportColumns.SubmittedOn;

    /// <summary>Columns whose values are the report's content: a row is rewritten only when one of them changes.</summary>
    public static readonly IReadOnlyList<string> ContentColumns = [Round, TaskCode, UnitCode, Role, Result, Completion, Difficulties,
        Proposals];

    /// <summary>
    /// The rows a submission wants: one per row it fills, plus a cleared row for every task the unit reported on
    /// earlier in this round (in <paramref name="current"/>) and left empty now.
    /// </summary>
    public static IReadOnlyList<DesiredRow> Desired(TaskCatalogue catalogue, Submission submission, IReadOnlyList<CurrentRow> current,
        string sourceFile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(current);
        var tasks = catalogue.WorkItems.GroupBy(t => VietnameseText.Nfc(t.Code), StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => g.First(), StringComparer.Ordinal);
        var desired = new List<DesiredRow>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in submission.Rows.Where(r => r.HasContent))
        {
            var code = VietnameseText.Nfc(row.Code);
            var key = Submission.RowKey(submission.Round, code, submission.UnitCode);
            if (!keys.Add(key))
            {
                continue;
            }

            var role = tasks.TryGetValue(code, out var task) ? ReportPlanner.RoleOf(task, submission.UnitCode) : null;
            desired.Add(Row(submission.Round, code, submission.UnitCode, role, row.Result, row.Status, row.Difficulties, row.Proposals,
                sourceFile, today));
        }

        // A year-end report's general part: rows "round|TK.n|unit" beside the task rows (YearEndRows).
        foreach (var (code, result, proposals) in submission.Review is { } review ? YearEndRows.Cells(review) : [])
        {
            if (keys.Add(Submission.RowKey(submission.Round, code, submission.UnitCode)))
            {
                desired.Add(Row(submission.Round, code, submission.UnitCode, null, result, null, string.Empty, proposals, sourceFile,
                    today));
            }
        }

        foreach (var have in OfUnit(current, submission.Round, submission.UnitCode))
        {
            var key = VietnameseText.Nfc(have.Key);
            if (keys.Contains(key) || !RoundReports.HasContent(have))
            {
                continue;
            }

            keys.Add(key);
            // Cleared: the unit's role stays, what it reported goes (OfUnit read the row, so it is a row of this round and unit).
            var cleared = ReportRow.From(have)! with
            {
                Result = null,
                Completion = null,
                Difficulties = null,
                Proposals = null,
                SourceFile = sourceFile,
                SubmittedOn = today,
            };
            desired.Add(new DesiredRow(key, cleared.Fields()));
        }

        return desired;
    }

    /// <summary>
    /// Plans the writes: a missing row is created; an existing one is updated (changed columns, plus source file and
    /// date) only when its content differs; nothing is archived or deleted.
    /// </summary>
    public static SyncPlan Plan(IReadOnlyList<DesiredRow> desired, IReadOnlyList<CurrentRow> current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        var byKey = new Dictionary<string, CurrentRow>(StringComparer.Ordinal);
        foreach (var row in current)
        {
            byKey.TryAdd(VietnameseText.Nfc(row.Key), row);
        }

        var list = SiteSchema.Reports;
        var changes = new List<RowChange>();
        foreach (var want in desired)
        {
            var key = VietnameseText.Nfc(want.Key);
            if (!byKey.TryGetValue(key, out var have))
            {
                var fields = new Dictionary<string, string?>(want.Fields, StringComparer.Ordinal)
                {
                    [list.KeyColumn!] = key,
                    [SiteSchema.Title] = key,
                };
                changes.Add(new RowChange(ChangeKind.Create, key, null, null, fields, [.. fields.Keys.Order(StringComparer.Ordinal)]));
                continue;
            }

            var diff = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (name, value) in want.Fields)
            {
                if (ContentColumns.Contains(name) && !Same(value, have.Fields.GetValueOrDefault(name)))
                {
                    diff[name] = value;
                }
            }

            if (diff.Count == 0)
            {
                changes.Add(new RowChange(ChangeKind.Unchanged, key, have.ItemId, have.ETag, new Dictionary<string, string?>(), []));
                continue;
            }

            foreach (var name in new[] { SourceFile, SubmittedOn })
            {
                if (want.Fields.TryGetValue(name, out var value) && !Same(value, have.Fields.GetValueOrDefault(name)))
                {
                    diff[name] = value;
                }
            }

            changes.Add(new RowChange(ChangeKind.Update, key, have.ItemId, have.ETag, diff, [.. diff.Keys.Order(StringComparer.Ordinal)]));
        }

        return new SyncPlan(list, changes);
    }

    /// <summary>The rows of one unit in one round.</summary>
    public static IEnumerable<CurrentRow> OfUnit(IEnumerable<CurrentRow> rows, int round, string unitCode)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(r => ReportRow.From(r) is { } typed && typed.Round == round
            && string.Equals(typed.UnitCode, unitCode, StringComparison.Ordinal));
    }

    /// <summary>
    /// The submissions of a round as the rows say (one per unit, units and rows in code order; empty rows skipped;
    /// a completion word that no longer parses counts as none; a submission returned for additions is not one:
    /// <see cref="RoundReports"/>); a year-end report's general part (<see cref="YearEndRows"/>) is its <see cref="Submission.Review"/>.
    /// </summary>
    public static IReadOnlyList<Submission> Submissions(IEnumerable<CurrentRow> rows, int round, string catalogueVersion,
        ReturnedSubmissions? returned = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return RoundReports.Reports(rows, returned ?? ReturnedSubmissions.None)
            .Where(r => r.Round == round)
            .GroupBy(r => r.UnitCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Submission(
                g.Key,
                round,
                catalogueVersion,
                g.Where(r => !YearEndRows.IsReviewCode(r.TaskCode)).Select(ToSubmissionRow).OrderBy(r => r.Code, StringComparer.Ordinal)
                    .ToList())
            {
                Review = YearEndRows.Review(g),
            })
            .ToList();
    }

    private static SubmissionRow ToSubmissionRow(ReportRow row)
    {
        StatusCategory? status = StatusCategories.TryParse(row.Completion, out var c) ? c : null;
        return new SubmissionRow(
            VietnameseText.Nfc(row.TaskCode),
            Text(row.Result),
            status,
            Text(row.Difficulties),
            Text(row.Proposals));
    }

    private static string Text(string? value) => VietnameseText.Nfc(value ?? string.Empty);

    private static bool Same(string? a, string? b) => string.Equals(FieldValues.Text(a), FieldValues.Text(b), StringComparison.Ordinal);

    private static DesiredRow Row(int round, string code, string unit, TaskRole? role, string result, StatusCategory? status,
        string difficulties, string proposals, string sourceFile, DateOnly today) =>
        new(Submission.RowKey(round, code, unit), new ReportRow(string.Empty, new ReportKey(round, code, unit), role?.Label(), result,
            status?.Label(), difficulties, proposals, sourceFile, today).Fields());

    /// <summary>
    /// Status category per task code from Phân công rows as of <paramref name="today"/> (ICT), by the one rule of
    /// <see cref="Status.Completion"/> (last day and completion date, as the status table and escalation judge it);
    /// of several lead units the least advanced counts (<see cref="StatusCategories.Severity"/>). Archived rows and ongoing
    /// tasks are left out.
    /// </summary>
    public static IReadOnlyDictionary<string, StatusCategory> Statuses(IEnumerable<CurrentRow> assignments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var result = new Dictionary<string, StatusCategory>(StringComparer.Ordinal);
        foreach (var row in assignments)
        {
            if (AssignmentRow.From(row) is not { Archived: false } assignment || assignment.Category(today) is not { } category)
            {
                continue;
            }

            var code = assignment.TaskCode;
            if (!result.TryGetValue(code, out var have) || category.Severity() > have.Severity())
            {
                result[code] = category;
            }
        }

        return result;
    }
}
