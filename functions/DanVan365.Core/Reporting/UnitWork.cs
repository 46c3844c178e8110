using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>What a unit already saved for a row of a round (the four columns of the template).</summary>
public sealed record SavedRow(string Result, string Status, string Difficulties, string Proposals);

/// <summary>One row of a unit's work in a round: the template's row and what is saved for it.</summary>
public sealed record UnitWorkRow(string Code, string Task, string Role, DateOnly? LastDay, SavedRow? Saved);

/// <summary>
/// A unit's rows for a round (the report form's content), with the day its rows were last recorded and, when Phòng Văn hóa -
/// Xã hội returned the unit's submission for additions, that return (<see cref="Returned"/>: reason, who, when). The form is
/// <see cref="Open"/> while the round is open, and after it while the submission is returned.
/// </summary>
public sealed record UnitWork(string UnitCode, string UnitName, ReportRound Round, bool Open, string CatalogueVersion,
    DateOnly? SubmittedOn, IReadOnlyList<UnitWorkRow> Rows, SubmissionReturn? Returned = null)
{
    /// <summary>The year-end report's general part as saved (<see cref="YearEndRows"/>); null for any other round or none saved.</summary>
    public YearEndReview? Review { get; init; }

    /// <summary>True for a unit the committee assigns (graded: it may score itself in a year-end report).</summary>
    public bool Graded { get; init; }

    /// <summary>Builds a unit's work for a round from the catalogue, the Báo cáo kết quả rows and the open returns; pure.</summary>
    public static UnitWork Build(TaskCatalogue catalogue, UnitDirectory units, ReportRound round, string unitCode,
        IReadOnlyList<CurrentRow> reports, DateOnly today, ReturnedSubmissions returned)
    {
        ArgumentNullException.ThrowIfNull(returned);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(reports);
        var spec = ReportPlanner.TemplateFor(catalogue, units, round, unitCode);
        var saved = reports.Select(ReportRow.From).OfType<ReportRow>()
            .Where(r => r.Round == round.Number && r.UnitCode == unitCode)
            .GroupBy(r => VietnameseText.Nfc(r.TaskCode), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var lastDays = catalogue.WorkItems.GroupBy(t => t.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().TimeFrame?.LastDay, StringComparer.Ordinal);
        var rows = spec.Rows.Select(row => new UnitWorkRow(row.Code, row.Task, row.Role.Label(), lastDays.GetValueOrDefault(row.Code),
            saved.TryGetValue(row.Code, out var have) && RoundReports.HasContent(have)
                ? new SavedRow(have.Result ?? string.Empty, have.Completion ?? string.Empty, have.Difficulties ?? string.Empty,
                    have.Proposals ?? string.Empty)
                : null)).ToList();
        var days = saved.Values.Where(RoundReports.HasContent).Select(r => r.SubmittedOn).OfType<DateOnly>().ToList();
        var open = returned.Of(round.Number, unitCode);
        var general = round.YearEnd
            ? reports.Select(ReportRow.From).OfType<ReportRow>()
                .Where(r => r.Round == round.Number && r.UnitCode == unitCode && YearEndRows.IsReviewCode(r.TaskCode)).ToList()
            : [];
        return new UnitWork(unitCode, spec.UnitName, round, round.IsOpenOn(today) || open is not null, spec.CatalogueVersion,
            days.Count == 0 ? null : days.Max(), rows, open)
        {
            Review = YearEndRows.Review(general),
            Graded = units.IsAssigned(unitCode),
        };
    }

    /// <summary>
    /// The round a form opens by default: the first whose last day is on or after today and that asks
    /// <paramref name="unitCode"/> (any unit when null: an ad hoc round asks only its chosen units); null when none is open.
    /// </summary>
    public static ReportRound? OpenRound(IReadOnlyList<ReportRound> rounds, DateOnly today, string? unitCode = null)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        return rounds.Where(r => r.IsOpenOn(today) && (unitCode is null || r.Asks(unitCode)))
            .OrderBy(r => r.LastDay).ThenBy(r => r.Number).FirstOrDefault();
    }
}

/// <summary>
/// The checks of a report sent through the form: <see cref="SubmissionRules"/> (the same as a filled template), plus
/// every code must be a row of the unit's template for the round.
/// </summary>
public static class FormSubmissionRules
{
    /// <summary>Accepted submission, or the reasons (per task code) it is refused.</summary>
    public static SubmissionParseResult Check(TaskCatalogue catalogue, UnitDirectory units, ReportRound round, string unitCode,
        IReadOnlyList<RawSubmissionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var spec = ReportPlanner.TemplateFor(catalogue, units, round, unitCode);
        var key = new TemplateKey(unitCode, round.Number, spec.CatalogueVersion);
        var result = SubmissionRules.Validate(catalogue, key, rows);
        var assigned = spec.Rows.Select(r => VietnameseText.Nfc(r.Code)).ToHashSet(StringComparer.Ordinal);
        var workCodes = catalogue.WorkItems.Select(t => VietnameseText.Nfc(t.Code)).ToHashSet(StringComparer.Ordinal);
        var notAssigned = rows.Select(r => VietnameseText.Nfc(r.Code).Trim())
            .Where(c => workCodes.Contains(c) && !assigned.Contains(c))
            .Distinct(StringComparer.Ordinal)
            .Select(c => new SubmissionRejection(RejectionKind.WrongUnit, $"Nhiệm vụ {c} không giao cho đơn vị {unitCode}.", c))
            .ToList();
        if (notAssigned.Count == 0)
        {
            return result;
        }

        return SubmissionParseResult.Rejected([.. result.Rejections, .. notAssigned], key);
    }

    /// <summary>The form field a rejection names (result, status, difficulties, proposals), or null for the whole row.</summary>
    public static string? FieldOf(SubmissionRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return rejection.Kind switch
        {
            RejectionKind.UnknownCompletionWord => "status",
            RejectionKind.TextTooLong when rejection.Message.Contains("Kết quả thực hiện", StringComparison.Ordinal) => "result",
            RejectionKind.TextTooLong when rejection.Message.Contains("Mức độ hoàn thành", StringComparison.Ordinal) => "status",
            RejectionKind.TextTooLong when rejection.Message.Contains("Khó khăn", StringComparison.Ordinal) => "difficulties",
            RejectionKind.TextTooLong when rejection.Message.Contains("Đề xuất", StringComparison.Ordinal) => "proposals",
            // A year-end general part's problem names its field ("strengths", …, "selfScore", "review").
            _ => rejection.Field,
        };
    }

    /// <summary>The status word of a recorded row ("" when none).</summary>
    public static string StatusWord(SubmissionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Status is { } status ? status.Label() : string.Empty;
    }
}
