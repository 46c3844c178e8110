using DanVan365.Core.Catalogue;

namespace DanVan365.Core.NextYear;

/// <summary>Why a task is in next year's draft (docs/architecture.md "Next year's draft").</summary>
public enum NextYearReason
{
    /// <summary>"Thường xuyên": ongoing work, every year.</summary>
    Ongoing,

    /// <summary>"Năm Y và các năm tiếp theo": it recurs (<see cref="TimeFrames.Recurs"/>).</summary>
    Recurring,

    /// <summary>Not finished: some owner's Phân công row holds no completion date (<see cref="Status.Completion"/>).</summary>
    Unfinished,

    /// <summary>No owner the committee assigns, so no Phân công row tells whether it was finished: kept, never dropped silently.</summary>
    Unknown,
}

/// <summary>
/// One row of the draft annex, in the decision's columns (TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực
/// hiện) plus why it is there.
/// </summary>
/// <param name="Code">This year's code, kept ("3.5.c"; a sub-item's letter is written alone in the TT cell).</param>
/// <param name="Section">The section's code ("3").</param>
/// <param name="Parent">The heading's code for a sub-item ("3.5"), else null.</param>
/// <param name="Title">Nhiệm vụ, as written this year.</param>
/// <param name="Lead">Cơ quan chủ trì, as written.</param>
/// <param name="Coordinating">Cơ quan phối hợp, as written.</param>
/// <param name="TimeFrame">Thời gian thực hiện moved to next year (<see cref="NextYearDates"/>); null for a heading.</param>
/// <param name="Footnotes">This year's footnote marks of the task (legal basis), kept.</param>
/// <param name="Reason">Why the row is there; null for a heading kept for its sub-items.</param>
/// <param name="Notes">The row's note in Vietnamese, the reason first ("Thường xuyên", "Lặp lại hằng năm", "Chưa hoàn thành
/// năm 2026 (Đang thực hiện quá hạn)"), then what to look at (a title naming this year).</param>
public sealed record NextYearRow(
    string Code,
    string Section,
    string? Parent,
    string Title,
    string Lead,
    string Coordinating,
    string? TimeFrame,
    IReadOnlyList<string> Footnotes,
    NextYearReason? Reason,
    IReadOnlyList<string> Notes)
{
    /// <summary>A heading (3.5) kept because some of its sub-items are in the draft.</summary>
    public bool IsHeading => TimeFrame is null;

    /// <summary>What the TT cell says: the task code, or the sub-item's letter ("c" for 3.5.c), as the decision writes it.</summary>
    public string Number => Parent is null ? Code : Code[(Parent.Length + 1)..];
}

/// <summary>
/// The draft annex of next year's decision: built from this year's catalogue (<see cref="From"/>) and the tasks' final
/// states, for Phòng Văn hóa - Xã hội to start from.
/// </summary>
/// <param name="From">This year's decision.</param>
/// <param name="Year">The year of the draft (this year's decision year + 1).</param>
/// <param name="AsOf">The day the tasks' states were read (ICT).</param>
/// <param name="Sections">The sections kept: those with rows, and any before the last of them (the codes stay this year's, and
/// the importer reads section numbers without gaps).</param>
/// <param name="Rows">The rows in catalogue order.</param>
/// <param name="Footnotes">The footnotes the rows refer to, with this year's marks.</param>
/// <param name="ReportingRounds">The decision's reporting rounds moved to next year ("lần 1 trước ngày 15/9/2027").</param>
/// <param name="AggregatingUnitName">The unit that compiles the reports, by name ("Phòng Văn hóa - Xã hội"); empty when the
/// decision names none.</param>
public sealed record NextYearDraft(
    Decision From,
    int Year,
    DateOnly AsOf,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<NextYearRow> Rows,
    IReadOnlyList<Footnote> Footnotes,
    IReadOnlyList<string> ReportingRounds,
    string AggregatingUnitName)
{
    /// <summary>Rows there because they recur (ongoing or "Năm Y và các năm tiếp theo").</summary>
    public int RecurringCount => Rows.Count(r => r.Reason is NextYearReason.Ongoing or NextYearReason.Recurring);

    /// <summary>Rows there because they were not finished (or nobody's row could tell).</summary>
    public int UnfinishedCount => Rows.Count(r => r.Reason is NextYearReason.Unfinished or NextYearReason.Unknown);

    /// <summary>The work items of the draft (headings left out).</summary>
    public IEnumerable<NextYearRow> WorkItems => Rows.Where(r => !r.IsHeading);
}
