using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;

namespace DanVan365.TestUtilities.Builders;

/// <summary>
/// Phân công rows as sync writes them for a catalogue (<see cref="DesiredRows.ForAssignments"/>), read back as
/// <see cref="AssignmentRow"/>s, with chosen completion states: the tasks' final states for tests of what follows the year.
/// </summary>
public sealed class AssignmentRowsBuilder
{
    private readonly List<AssignmentRow> _rows;

    public AssignmentRowsBuilder(TaskCatalogue catalogue, UnitDirectory units)
    {
        _rows = [.. DesiredRows.ForAssignments(catalogue, units)
            .Select((d, i) => new CurrentRow($"{i + 1}", d.Key, null, new Dictionary<string, string?>(d.Fields, StringComparer.Ordinal)
            {
                [AssignmentColumns.Key] = d.Key,
            }))
            .Select(r => AssignmentRow.From(r)!)];
    }

    /// <summary>The bundled Hải An catalogue's rows, nothing completed.</summary>
    public static AssignmentRowsBuilder HaiAn() => new(Bundled.Catalogue, Bundled.Units);

    /// <summary>Every row of each task completed on <paramref name="on"/> (100 %).</summary>
    public AssignmentRowsBuilder Completed(DateOnly on, params string[] codes) => Set(r => codes.Contains(r.TaskCode), on);

    /// <summary>The row of one owner of a task completed on <paramref name="on"/>.</summary>
    public AssignmentRowsBuilder CompletedBy(DateOnly on, string code, string unit) =>
        Set(r => r.TaskCode == code && r.UnitCode == unit, on);

    /// <summary>Every row whose time frame has a last day completed on it (ongoing tasks stay open).</summary>
    public AssignmentRowsBuilder AllCompletedOnTheirLastDay()
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_rows[i].LastDay is { } last)
            {
                _rows[i] = _rows[i] with { CompletedOn = last, PercentComplete = 100 };
            }
        }

        return this;
    }

    /// <summary>Each row of the task archived (an owner the decision dropped).</summary>
    public AssignmentRowsBuilder Archived(string code)
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            if (_rows[i].TaskCode == code)
            {
                _rows[i] = _rows[i] with { Archived = true };
            }
        }

        return this;
    }

    public IReadOnlyList<AssignmentRow> Build() => [.. _rows];

    private AssignmentRowsBuilder Set(Func<AssignmentRow, bool> which, DateOnly on)
    {
        for (var i = 0; i < _rows.Count; i++)
        {
            if (which(_rows[i]))
            {
                _rows[i] = _rows[i] with { CompletedOn = on, PercentComplete = 100 };
            }
        }

        return this;
    }
}
