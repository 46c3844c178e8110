using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.Core.Sync;

/// <summary>What the lists must hold for a catalogue: the sync-owned columns of each row.</summary>
public static class DesiredRows
{
    /// <summary>SharePoint's Title column holds at most 255 characters; the full text is in TaskText.</summary>
    public const int TitleLimit = 255;

    /// <summary>The column recording the decision that last changed an entry's content.</summary>
    public const string DecisionNumber = TaskColumns.DecisionNumber;

    private static readonly HashSet<string> TaskProvenance = new(StringComparer.Ordinal) { DecisionNumber };

    /// <summary>Nhiệm vụ dân vận: one row per catalogue entry (headings included, flagged); the decision number is provenance.</summary>
    public static IReadOnlyList<DesiredRow> ForTasks(TaskCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var footnotes = catalogue.Footnotes.ToDictionary(f => f.Mark, f => f.Text, StringComparer.Ordinal);
        return [.. catalogue.Tasks.Select(t => new DesiredRow(t.Code, TaskRow.For(t, catalogue.Decision.Number, footnotes).Fields())
        {
            Provenance = TaskProvenance,
        })];
    }

    /// <summary>
    /// Phân công: one row per (work item × owner, <see cref="TaskOwners"/>): each lead unit the committee assigns, or the unit
    /// that follows up a lead it does not assign (its row says on whose behalf). A requested lead gets no row; a row it had
    /// is archived by the sync plan, never deleted.
    /// </summary>
    public static IReadOnlyList<DesiredRow> ForAssignments(TaskCatalogue catalogue, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        var rows = new List<DesiredRow>();
        foreach (var task in catalogue.WorkItems)
        {
            foreach (var owner in TaskOwners.Of(task, units))
            {
                var onBehalf = owner.FollowUp is { } f ? TaskOwners.OnBehalfText(task, f, units) : null;
                rows.Add(new DesiredRow(AssignmentKey(task.Code, owner.UnitCode),
                    AssignmentRow.SyncFields(task, units.Get(owner.UnitCode), onBehalf)));
            }
        }

        return rows;
    }

    /// <summary>The key of a Phân công row: "code|unitCode".</summary>
    public static string AssignmentKey(string taskCode, string unitCode) => Sync.AssignmentKey.Format(taskCode, unitCode);

    /// <summary>Cuts text to a limit on a character boundary, ending with "…" when cut.</summary>
    public static string Shorten(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
