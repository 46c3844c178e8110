using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>A reporting round: from the decision (1, 2, …) or added ad hoc.</summary>
/// <param name="Number">Round number ("lần N", "Đợt N").</param>
/// <param name="Title">Wording, e.g. "trước ngày 15/9/2026" or an ad hoc title.</param>
/// <param name="LastDay">Last day to report (docs/architecture.md "Time frames": "trước ngày 15/9/2026" → 14/9/2026).</param>
/// <param name="AdHoc">True for a round added outside the decision.</param>
public sealed record ReportRound(int Number, string Title, DateOnly LastDay, bool AdHoc)
{
    /// <summary>The round as the decision states it.</summary>
    public static ReportRound FromDecision(ReportingRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new ReportRound(round.Round, VietnameseText.Nfc(round.Text), round.LastDay, AdHoc: false);
    }

    /// <summary>
    /// The year-end round (tổng kết) of the decision's year: "Tổng kết năm 2026", numbered <paramref name="number"/>, its last
    /// day and data cut-off from <paramref name="options"/> (docs/architecture.md "The year-end review").
    /// </summary>
    public static ReportRound YearEndOf(Decision decision, YearEndOptions options, int number)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(options);
        var year = decision.Date.Year;
        return new ReportRound(number, YearEndTitle(year), options.LastDayIn(year), AdHoc: false)
        {
            YearEnd = true,
            DataCutOff = options.DataCutOffIn(year),
        };
    }

    /// <summary>"Tổng kết năm 2026".</summary>
    public static string YearEndTitle(int year) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tổng kết năm {year}");

    /// <summary>True for the year-end round (tổng kết): every work item, and a general part (<see cref="YearEndReview"/>).</summary>
    public bool YearEnd { get; init; }

    /// <summary>The year-end round's data cut-off (the day its report's statuses are taken on); null for any other round.</summary>
    public DateOnly? DataCutOff { get; init; }

    /// <summary>The decision's rounds, in order.</summary>
    public static IReadOnlyList<ReportRound> FromDecision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.ReportingRounds.Select(FromDecision).ToList();
    }

    /// <summary>
    /// The one "round is open" rule: a round takes reports up to and including its last day (ICT), so it is open on
    /// <paramref name="today"/> when <paramref name="today"/> ≤ <see cref="LastDay"/> (docs/architecture.md "Time frames":
    /// "trước ngày 15/9/2026" → last day 14/9/2026, open through 14/9).
    /// </summary>
    public bool IsOpenOn(DateOnly today) => today <= LastDay;

    /// <summary>The round is closed on <paramref name="today"/>: after its last day (the negation of <see cref="IsOpenOn"/>).</summary>
    public bool IsClosedOn(DateOnly today) => !IsOpenOn(today);

    /// <summary>
    /// The round and its one deadline, stated once as the decision words it: "lần 1 trước ngày 15/9/2026" (the decision's
    /// text when it says so); an ad hoc round: "lần 3 (đột xuất: {title}) trước ngày 31/10/2026" (the day after the last day);
    /// the year-end round: "lần 3 (tổng kết năm 2026) trước ngày 16/12/2026".
    /// </summary>
    public string Wording
    {
        get
        {
            var number = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var before = $"trước ngày {VietnameseText.ShortDate(LastDay.AddDays(1))}";
            if (YearEnd)
            {
                return $"lần {number} ({VietnameseText.Normalize(Title).ToLowerInvariant()}) {before}";
            }

            if (AdHoc)
            {
                return $"lần {number} (đột xuất: {VietnameseText.Normalize(Title).TrimEnd('.', ';', ' ')}) {before}";
            }

            var title = VietnameseText.Normalize(Title);
            return title.StartsWith($"lần {number} trước ngày", StringComparison.OrdinalIgnoreCase) ? title : $"lần {number} {before}";
        }
    }

    /// <summary>Folder-style name, e.g. "Đợt 1".</summary>
    public string FolderName => Sync.LibraryNames.RoundFolderName(Number);

    /// <summary>
    /// The units an ad hoc round asks (unit codes, in the order chosen); null for a decision round, whose units are the
    /// catalogue's expected ones (<see cref="ReportPlanner.ExpectedUnits"/>).
    /// </summary>
    public IReadOnlyList<string>? Units { get; init; }

    /// <summary>The task codes an ad hoc round covers (catalogue order); null for a decision round (every work item).</summary>
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <summary>Who created an ad hoc round (the directory person's address), or null.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>When an ad hoc round was created, or null.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The client's request id the round was created with (a retried create gives back this round), or null.</summary>
    public string? RequestId { get; init; }

    /// <summary>True when the round covers task <paramref name="code"/> (every task for a round without chosen tasks).</summary>
    public bool Covers(string code) => Tasks is null || Tasks.Contains(VietnameseText.Nfc(code ?? string.Empty), StringComparer.Ordinal);

    /// <summary>True when the round asks unit <paramref name="unitCode"/> (any unit for a round without chosen units).</summary>
    public bool Asks(string unitCode) => Units is null || Units.Contains(unitCode, StringComparer.Ordinal);

    /// <summary>The units this round asks: its chosen units, else <paramref name="expected"/> (a decision round's).</summary>
    public IReadOnlyList<string> UnitsOr(IReadOnlyList<string> expected) => Units ?? expected;

    /// <summary>Equal when every value is equal, the chosen units and tasks compared item by item.</summary>
    public bool Equals(ReportRound? other) =>
        other is not null && Number == other.Number && string.Equals(Title, other.Title, StringComparison.Ordinal)
        && LastDay == other.LastDay && AdHoc == other.AdHoc && YearEnd == other.YearEnd && DataCutOff == other.DataCutOff
        && SameList(Units, other.Units) && SameList(Tasks, other.Tasks)
        && string.Equals(CreatedBy, other.CreatedBy, StringComparison.Ordinal) && CreatedAt == other.CreatedAt
        && string.Equals(RequestId, other.RequestId, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Number, Title, LastDay, AdHoc);

    private static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b, StringComparer.Ordinal);
}

/// <summary>A unit's role on a task.</summary>
public enum TaskRole
{
    /// <summary>chủ trì.</summary>
    Lead,

    /// <summary>phối hợp.</summary>
    Coordinating,
}

/// <summary>Labels for <see cref="TaskRole"/>.</summary>
public static class TaskRoles
{
    /// <summary>"chủ trì" or "phối hợp".</summary>
    public static string Label(this TaskRole role) => role switch
    {
        TaskRole.Lead => "chủ trì",
        TaskRole.Coordinating => "phối hợp",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Parses "chủ trì"/"phối hợp" (any normalisation/case).</summary>
    public static bool TryParse(string? text, out TaskRole role)
    {
        var key = VietnameseText.Nfc(text ?? string.Empty).Trim().ToUpperInvariant();
        role = key == "PHỐI HỢP" ? TaskRole.Coordinating : TaskRole.Lead;
        return key is "CHỦ TRÌ" or "PHỐI HỢP";
    }
}
