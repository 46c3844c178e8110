using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.NextYear;

/// <summary>
/// Builds next year's draft annex (pure; docs/architecture.md "Next year's draft") from this year's catalogue and the Phân
/// công rows: every task that recurs ("Thường xuyên"; "Năm Y và các năm tiếp theo", <see cref="TimeFrames.Recurs"/>), and
/// every other task not finished. A task is finished when each of its owners (<see cref="TaskOwners.Of"/>) has a row, not
/// archived, that is completed (<see cref="Completion.IsCompleted"/>, the one rule); an owner without a row has not finished.
/// A task nobody the committee assigns owns has no row to tell, and is kept (<see cref="NextYearReason.Unknown"/>). Codes,
/// titles and the lead and coordinating cells stay as this year's decision writes them; time frames move one year
/// (<see cref="NextYearDates"/>); a heading (3.5) stays when any of its sub-items does.
/// </summary>
public static class NextYearDraftBuilder
{
    /// <summary>The note of an ongoing task.</summary>
    public const string OngoingNote = "Thường xuyên";

    /// <summary>The note of a task of "Năm Y và các năm tiếp theo".</summary>
    public const string RecurringNote = "Lặp lại hằng năm";

    public static NextYearDraft Build(TaskCatalogue catalogue, IEnumerable<AssignmentRow> rows, UnitDirectory units, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(units);
        var year = catalogue.Decision.Date.Year;
        var live = rows.Where(r => !r.Archived)
            .GroupBy(r => (VietnameseText.Nfc(r.TaskCode), VietnameseText.Nfc(r.UnitCode)))
            .ToDictionary(g => g.Key, g => g.First());

        var kept = new Dictionary<string, NextYearRow>(StringComparer.Ordinal);
        foreach (var task in catalogue.WorkItems)
        {
            if (Judge(task, live, units, today, year) is { } reason)
            {
                kept[task.Code] = Row(task, reason.Reason, [.. reason.Notes, .. Review(task, year)]);
            }
        }

        var draftRows = new List<NextYearRow>();
        foreach (var task in catalogue.Tasks)
        {
            if (kept.TryGetValue(task.Code, out var row))
            {
                draftRows.Add(row);
            }
            else if (catalogue.Tasks.Any(c => c.Parent == task.Code && kept.ContainsKey(c.Code)))
            {
                // The parent stays for its sub-items (the TT cell "c" belongs to the task above it).
                draftRows.Add(Row(task, null,
                    task.IsHeading ? [] : [$"Đã hoàn thành năm {Year(year)}; giữ làm mục của các nội dung dưới"]));
            }
        }

        var last = catalogue.Sections.Select((s, i) => (s, i)).LastOrDefault(x => draftRows.Any(r => r.Section == x.s.Code));
        var sections = last.s is null ? [] : catalogue.Sections.Take(last.i + 1).ToList();
        var marks = draftRows.SelectMany(r => r.Footnotes).ToHashSet(StringComparer.Ordinal);
        var aggregating = catalogue.Decision.AggregatingUnit.Length == 0 ? string.Empty
            : VietnameseText.Nfc(units.Find(catalogue.Decision.AggregatingUnit)?.Name ?? catalogue.Decision.AggregatingUnit);
        return new NextYearDraft(catalogue.Decision, year + 1, today, sections, draftRows,
            [.. catalogue.Footnotes.Where(f => marks.Contains(f.Mark))],
            [.. catalogue.Decision.ReportingRounds.Select(NextYearDates.Move)], aggregating);
    }

    private static (NextYearReason Reason, IReadOnlyList<string> Notes)? Judge(CatalogueTask task,
        Dictionary<(string, string), AssignmentRow> rows, UnitDirectory units, DateOnly today, int year)
    {
        var kind = task.TimeFrame!.Kind;
        if (kind == TimeFrameKind.Ongoing)
        {
            return (NextYearReason.Ongoing, [OngoingNote]);
        }

        if (TimeFrames.Recurs(kind))
        {
            return (NextYearReason.Recurring, [RecurringNote]);
        }

        var owners = TaskOwners.Of(task, units);
        var y = Year(year);
        if (owners.Count == 0)
        {
            return (NextYearReason.Unknown,
                [$"Chưa xác định được kết quả năm {y} (không có đơn vị được phân công theo dõi)"]);
        }

        var states = owners.Select(o =>
        {
            var row = rows.GetValueOrDefault((VietnameseText.Nfc(task.Code), VietnameseText.Nfc(o.UnitCode)));
            var done = row is not null && row.IsCompleted;
            // An owner without a row is judged on the decision's last day, as the row would be.
            var category = row?.Category(today) ?? Completion.Category(kind, task.TimeFrame.LastDay, null, today);
            return (o.UnitCode, Done: done, Category: category);
        }).ToList();
        if (states.All(s => s.Done))
        {
            return null;
        }

        var least = StatusCategories.LeastAdvanced(states.Where(s => !s.Done && s.Category is not null).Select(s => s.Category!.Value));
        var note = least is { } c ? $"Chưa hoàn thành năm {y} ({c.Label()})" : $"Chưa hoàn thành năm {y}";
        var open = states.Where(s => !s.Done).Select(s => VietnameseText.Nfc(units.Find(s.UnitCode)?.Name ?? s.UnitCode)).ToList();
        return states.Any(s => s.Done)
            ? (NextYearReason.Unfinished, [note, "Đơn vị chưa hoàn thành: " + string.Join("; ", open)])
            : (NextYearReason.Unfinished, [note]);
    }

    // A task whose words name this year ("chấm điểm, xếp loại công tác dân vận năm 2026") is kept as written (docs/architecture.md
    // "Text"), with a note asking for a second look.
    private static IEnumerable<string> Review(CatalogueTask task, int year)
    {
        if (NextYearDates.Mentions(task.Title, year))
        {
            yield return $"Nội dung nhiệm vụ có nêu năm {Year(year)}: đề nghị rà soát, cập nhật";
        }
    }

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static NextYearRow Row(CatalogueTask task, NextYearReason? reason, IReadOnlyList<string> notes) => new(
        task.Code,
        task.Section,
        task.Parent,
        VietnameseText.Normalize(task.Title),
        VietnameseText.Normalize(task.Lead.Text),
        VietnameseText.Normalize(task.Coordinating.Text),
        task.TimeFrame is { } frame ? NextYearDates.Move(frame) : null,
        task.Footnotes,
        reason,
        notes);
}
