using DanVan365.Core.Sync;

namespace DanVan365.Core.Reporting;

/// <summary>
/// The one rule of "a unit has reported for a round" (issue 21), asked by escalation (who is still chased), the
/// dashboard (the submission matrix), the report form (what is saved) and the compiled report (who reported, what it
/// quotes). Pure.
/// <para>A unit has reported for a round exactly when Báo cáo kết quả (<see cref="SiteSchema.Reports"/>) holds at least
/// one row of that round and unit <em>with content</em>: one of the four cells the unit fills (Kết quả thực hiện, Mức độ
/// hoàn thành, Khó khăn vướng mắc, Đề xuất kiến nghị) is not blank.</para>
/// <list type="bullet">
/// <item>A row without content does not count: a resubmission that leaves a task empty clears its row (rows are never
/// deleted), and a row made by hand with only its key is no report.</item>
/// <item>A submission date (Ngày nộp, <see cref="ReportColumns.SubmittedOn"/>) is <em>not</em> needed: every write of
/// the app records one, but a row with content and no date (typed into the list) still says the unit reported. The
/// date only says when, for the dashboard's on time or late (<see cref="Status.SubmissionState"/>).</item>
/// <item>A submission Phòng Văn hóa - Xã hội returned for additions (issue 23: an open return in Trả lại báo cáo, sealed,
/// <see cref="ReturnedSubmissions"/>) does not count until the unit submits again: its rows keep their content (the unit
/// completes them), but the unit is not reported for that round. Callers that know no returns pass
/// <see cref="ReturnedSubmissions.None"/>.</item>
/// </list>
/// </summary>
public static class RoundReports
{
    /// <summary>True when one of the four cells a unit fills is not blank (null, empty or white space is blank).</summary>
    public static bool HasContent(string? result, string? completion, string? difficulties, string? proposals) =>
        !string.IsNullOrWhiteSpace(result) || !string.IsNullOrWhiteSpace(completion) || !string.IsNullOrWhiteSpace(difficulties)
        || !string.IsNullOrWhiteSpace(proposals);

    /// <summary>True when the typed Báo cáo kết quả row has content (the four cells, as above).</summary>
    public static bool HasContent(ReportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return HasContent(row.Result, row.Completion, row.Difficulties, row.Proposals);
    }

    /// <summary>True when the Báo cáo kết quả list row has content (the four cells, as above).</summary>
    public static bool HasContent(CurrentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row.Fields;
        return HasContent(f.GetValueOrDefault(ReportColumns.Result), f.GetValueOrDefault(ReportColumns.Completion),
            f.GetValueOrDefault(ReportColumns.Difficulties), f.GetValueOrDefault(ReportColumns.Proposals));
    }

    /// <summary>
    /// The rows that are reports: typed Báo cáo kết quả rows with content (rows without round, task or unit skipped), minus the
    /// rows of a returned submission (<paramref name="returned"/>).
    /// </summary>
    public static IEnumerable<ReportRow> Reports(IEnumerable<CurrentRow> rows, ReturnedSubmissions returned)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(returned);
        return rows.Select(ReportRow.From).OfType<ReportRow>().Where(r => HasContent(r) && !returned.IsReturned(r.Round, r.UnitCode));
    }

    /// <summary>Every (round, unit) that has reported, by the rule above.</summary>
    public static IReadOnlySet<(int Round, string UnitCode)> Reporters(IEnumerable<CurrentRow> rows, ReturnedSubmissions returned) =>
        Reports(rows, returned).Select(r => (r.Round, r.UnitCode)).ToHashSet();

    /// <summary>True when <paramref name="unitCode"/> has reported for <paramref name="round"/>, by the rule above.</summary>
    public static bool HasReported(IEnumerable<CurrentRow> rows, ReturnedSubmissions returned, int round, string unitCode) =>
        Reports(rows, returned).Any(r => r.Round == round && string.Equals(r.UnitCode, unitCode, StringComparison.Ordinal));
}
