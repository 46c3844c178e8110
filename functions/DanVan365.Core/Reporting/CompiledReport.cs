using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;

namespace DanVan365.Core.Reporting;

/// <summary>A task's status in a round: a category for tasks with a deadline, reported / not reported for ongoing ones.</summary>
/// <param name="Category">The category; null for ongoing tasks and headings.</param>
/// <param name="Ongoing">True for "Thường xuyên" tasks.</param>
/// <param name="Reported">True when a lead unit (or, with no lead, any unit) reported on the task this round.</param>
public sealed record TaskStatusView(StatusCategory? Category, bool Ongoing, bool Reported)
{
    /// <summary>"Hoàn thành đúng hạn" …, or for ongoing tasks "Thường xuyên - đã báo cáo" / "Thường xuyên - chưa báo cáo".</summary>
    public string Label => Category is { } c
        ? c.Label()
        : Ongoing ? RoundReportStatusLabels.OngoingLabel(StatusRules.CategoriseRound(Reported)) : string.Empty;
}

/// <summary>A unit's reported result on a task.</summary>
public sealed record UnitContribution(string UnitCode, string UnitName, TaskRole Role, string Result, StatusCategory? ReportedStatus);

/// <summary>A task (or heading) in part I.</summary>
/// <param name="Code">e.g. "3.5.a".</param>
/// <param name="Title">The decision's wording.</param>
/// <param name="IsHeading">True for a heading such as 3.5 (no status, no units).</param>
/// <param name="Depth">0 for a task, 1 for a sub-item.</param>
/// <param name="LeadUnits">Lead unit names (the decision's wording when none resolved).</param>
/// <param name="TimeFrame">The time frame as written, or empty.</param>
/// <param name="LastDay">Last allowed day, null for ongoing.</param>
/// <param name="Status">Status this round.</param>
/// <param name="Contributions">Assigned units' results: lead units first, then coordinating units', then others (requested
/// units' results are in <see cref="CompiledReport.Partners"/>, named in <see cref="PartnerUnits"/>).</param>
public sealed record ReportTaskEntry(
    string Code,
    string Title,
    bool IsHeading,
    int Depth,
    IReadOnlyList<string> LeadUnits,
    string TimeFrame,
    DateOnly? LastDay,
    TaskStatusView Status,
    IReadOnlyList<UnitContribution> Contributions)
{
    /// <summary>"gia hạn đến 30/04/2026 theo ý kiến của …" when an approved extension moved the last day; null otherwise.</summary>
    public string? Extension { get; init; }

    /// <summary>Requested units that reported a result on the task (shown apart, under "Các cơ quan, tổ chức phối hợp").</summary>
    public IReadOnlyList<string> PartnerUnits { get; init; } = [];
}

/// <summary>
/// An approved extension as the report shows it: the task's effective last day (the latest of its lead assignments') and
/// the words "gia hạn đến D theo ý kiến của …" (per unit when only some lead units were extended).
/// </summary>
public sealed record ReportExtension(DateOnly LastDay, string Text);

/// <summary>A catalogue section in part I.</summary>
public sealed record ReportSection(string Code, string Title, IReadOnlyList<ReportTaskEntry> Tasks);

/// <summary>A unit, named.</summary>
public sealed record UnitName(string Code, string Name);

/// <summary>Part II's figures.</summary>
/// <param name="WorkItems">Work items (headings excluded).</param>
/// <param name="ByCategory">Tasks per status category, every category present, official order.</param>
/// <param name="OngoingReported">Ongoing tasks reported on this round.</param>
/// <param name="OngoingNotReported">Ongoing tasks not reported on.</param>
/// <param name="OnTime">Tasks with a deadline that are on time (completed on time, or in progress within time).</param>
/// <param name="WithDeadline">Tasks with a deadline (the rate's denominator).</param>
/// <param name="ExpectedUnits">Units required to report (<see cref="ReportPlanner.RequiredUnits"/>: the assigned ones).</param>
/// <param name="ReportedUnits">Required units that reported.</param>
/// <param name="MissingUnits">Required units that have not reported, named.</param>
public sealed record ReportFigures(
    int WorkItems,
    IReadOnlyList<KeyValuePair<StatusCategory, int>> ByCategory,
    int OngoingReported,
    int OngoingNotReported,
    int OnTime,
    int WithDeadline,
    IReadOnlyList<UnitName> ExpectedUnits,
    IReadOnlyList<UnitName> ReportedUnits,
    IReadOnlyList<UnitName> MissingUnits)
{
    /// <summary>On-time rate (0–1) over tasks with a deadline; null when there are none.</summary>
    public double? OnTimeRate => WithDeadline == 0 ? null : (double)OnTime / WithDeadline;

    /// <summary>Units whose report is optional (<see cref="ReportPlanner.OptionalUnits"/>: the requested ones).</summary>
    public IReadOnlyList<UnitName> OptionalUnits { get; init; } = [];

    /// <summary>Optional units that reported all the same.</summary>
    public IReadOnlyList<UnitName> OptionalReported { get; init; } = [];

    /// <summary>Count for one category.</summary>
    public int Count(StatusCategory category) => ByCategory.FirstOrDefault(p => p.Key == category).Value;
}

/// <summary>One row of Phụ lục I.</summary>
public sealed record AppendixRow(string Code, string Task, string Lead, string TimeFrame, DateOnly? LastDay, string Status, bool Reported)
{
    /// <summary>The extension's words beside the decision's last day (<see cref="ReportTaskEntry.Extension"/>); null when none.</summary>
    public string? Extension { get; init; }
}

/// <summary>Everything the compiled BÁO CÁO says, ready to write (pure data; deterministic for the same inputs).</summary>
public sealed record CompiledReport(
    WardIdentity Ward,
    Decision Decision,
    ReportRound Round,
    int Year,
    DateOnly Date,
    string CatalogueVersion,
    IReadOnlyList<ReportSection> Sections,
    ReportFigures Figures,
    IReadOnlyList<ReportRemark> Difficulties,
    IReadOnlyList<ReportRemark> Proposals,
    IReadOnlyList<AppendixRow> Appendix)
{
    /// <summary>"Kết quả thực hiện nhiệm vụ công tác dân vận năm 2026 … (lần N)"; the year-end round's "Tổng kết công tác dân vận
    /// năm 2026 … và phương hướng, nhiệm vụ năm 2027".</summary>
    public string Subject => Round.YearEnd
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Tổng kết công tác dân vận năm {Year} của cơ quan hành chính nhà nước, chính quyền {Ward.Kind} {Ward.Name} và " +
                $"{YearEndReviews.NextYearLabel(Year).ToLowerInvariant()}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Kết quả thực hiện nhiệm vụ công tác dân vận năm {Year} của cơ quan hành chính nhà nước, chính quyền {Ward.Kind} " +
                $"{Ward.Name} (lần {Round.Number})");

    /// <summary>
    /// The data cut-off date ("thời điểm lấy số liệu", Nghị định 09/2019/NĐ-CP): the report's date or the round's last day
    /// (the year-end round's configured data cut-off), whichever is earlier.
    /// </summary>
    public DateOnly CutOff => Round.DataCutOff is { } cut ? (Date < cut ? Date : cut) : Date < Round.LastDay ? Date : Round.LastDay;

    /// <summary>The year-end part (results by unit, lessons, next year's directions, scoring); null for any other round.</summary>
    public YearEndSummary? YearEnd { get; init; }

    /// <summary>What the requested units reported, shown apart ("Các cơ quan, tổ chức phối hợp"), unit by unit.</summary>
    public IReadOnlyList<PartnerReport> Partners { get; init; } = [];

    /// <summary>The round's adjustment proposals and their states (issue 17), listed in part IV "Đề xuất, kiến nghị".</summary>
    public IReadOnlyList<Proposals.ProposalReportLine> AdjustmentProposals { get; init; } = [];
}
