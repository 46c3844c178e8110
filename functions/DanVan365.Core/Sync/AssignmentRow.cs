using System.Globalization;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Units;

namespace DanVan365.Core.Sync;

/// <summary>
/// A Phân công row (<see cref="SiteSchema.Assignments"/>) in types: what every reader gets back (<see cref="From"/>) and,
/// one method per owner of its columns (docs/architecture.md "Ownership"), what each writer writes: sync
/// (<see cref="SyncFields"/>), Planner's bookkeeping (<see cref="PlannerLinkFields"/>, <see cref="ProgressFields"/>) and
/// proposals (<see cref="ExtensionFields"/>). Task and unit codes come from their columns, else from the key; completion
/// follows <see cref="Completion"/>.
/// </summary>
public sealed record AssignmentRow(
    string ItemId,
    AssignmentKey Key,
    string? Title,
    string? TaskText,
    DateOnly? LastDay,
    bool Archived,
    int? PercentComplete,
    DateOnly? CompletedOn,
    string? Status,
    string? PlannerTaskId,
    string? PlannerHash)
{
    public string TaskCode => Key.TaskCode;

    public string UnitCode => Key.UnitCode;

    /// <summary>The row's address for people (Graph's listItem webUrl, <see cref="CurrentRow.WebUrl"/>); null when unknown.</summary>
    public string? WebUrl { get; init; }

    /// <summary>The last day an approved extension set (<see cref="AssignmentColumns.ExtendedLastDay"/>); null when none.</summary>
    public DateOnly? ExtendedLastDay { get; init; }

    /// <summary>
    /// The last day status, reminders, escalation and Planner follow: <see cref="ExtendedLastDay"/> when it extends the
    /// decision's <see cref="LastDay"/>, else the decision's (the one rule: <see cref="Proposals.EffectiveDeadlines.Effective"/>).
    /// </summary>
    public DateOnly? EffectiveLastDay => Proposals.EffectiveDeadlines.Effective(LastDay, ExtendedLastDay);

    /// <summary>The time frame's kind (<see cref="AssignmentColumns.TimeFrameKind"/>), or null when the row has none.</summary>
    public TimeFrameKind? TimeFrameKind { get; init; }

    /// <summary>
    /// The day after which the row is overdue: <see cref="EffectiveLastDay"/>, or null for a recurring time frame
    /// (<see cref="TimeFrames.OverdueAfter"/>) and for ongoing tasks. Reminders and escalation follow it.
    /// </summary>
    public DateOnly? OverdueAfter => TimeFrames.OverdueAfter(TimeFrameKind, EffectiveLastDay);

    /// <summary>True when an approved extension moves this row's last day.</summary>
    public bool IsExtended => EffectiveLastDay != LastDay;

    /// <summary>True when the row counts as done (it holds a completion date).</summary>
    public bool IsCompleted => Completion.IsCompleted(CompletedOn);

    /// <summary>The row's status category as of <paramref name="today"/> (ICT) against its effective last day; null for ongoing
    /// tasks; a recurring time frame is never overdue
    /// (<see cref="StatusRules.Categorise(Catalogue.TimeFrameKind?, DateOnly?, DateOnly?, DateOnly)"/>).</summary>
    public StatusCategory? Category(DateOnly today) => Completion.Category(TimeFrameKind, EffectiveLastDay, CompletedOn, today);

    /// <summary>Reads a row; null when neither its columns nor its key give a task and a unit code.</summary>
    public static AssignmentRow? From(CurrentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row.Fields;
        AssignmentKey.TryParse(row.Key, out var fromKey);
        var code = NonEmpty(f.GetValueOrDefault(AssignmentColumns.TaskCode)) ?? fromKey.TaskCode;
        var unit = NonEmpty(f.GetValueOrDefault(AssignmentColumns.UnitCode)) ?? fromKey.UnitCode;
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(unit))
        {
            return null;
        }

        int? percent = double.TryParse(f.GetValueOrDefault(AssignmentColumns.PercentComplete), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var p) ? (int)Math.Round(p) : null;
        return new AssignmentRow(
            row.ItemId,
            new AssignmentKey(FieldValues.Text(code)!, FieldValues.Text(unit)!),
            f.GetValueOrDefault(SiteSchema.Title),
            f.GetValueOrDefault(AssignmentColumns.TaskText),
            FieldValues.ParseDate(f.GetValueOrDefault(AssignmentColumns.LastDay)),
            f.GetValueOrDefault(SiteSchema.Archived) == "true",
            percent,
            FieldValues.ParseDate(f.GetValueOrDefault(AssignmentColumns.CompletedOn)),
            f.GetValueOrDefault(AssignmentColumns.Status),
            NonEmpty(f.GetValueOrDefault(AssignmentColumns.PlannerTaskId)),
            f.GetValueOrDefault(AssignmentColumns.PlannerHash))
        {
            WebUrl = row.WebUrl,
            ExtendedLastDay = FieldValues.ParseDate(f.GetValueOrDefault(AssignmentColumns.ExtendedLastDay)),
            TimeFrameKind = TimeFrameKindCodes.FromCode(f.GetValueOrDefault(AssignmentColumns.TimeFrameKind)),
        };
    }

    /// <summary>
    /// The sync-owned columns of the row of <paramref name="task"/> owned by <paramref name="unit"/>; a follow-up owner's row
    /// says on whose behalf (<paramref name="onBehalf"/>, <see cref="TaskOwners.OnBehalfText"/>), a lead's row leaves it empty.
    /// </summary>
    public static Dictionary<string, string?> SyncFields(CatalogueTask task, Unit unit, string? onBehalf = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(unit);
        return new(StringComparer.Ordinal)
        {
            [AssignmentColumns.FollowUpFor] = FieldValues.Text(onBehalf),
            [SiteSchema.Title] = DesiredRows.Shorten($"[{task.Code}] {unit.Name}", DesiredRows.TitleLimit),
            [AssignmentColumns.TaskCode] = task.Code,
            [AssignmentColumns.UnitCode] = unit.Code,
            [AssignmentColumns.UnitName] = FieldValues.Text(unit.Name),
            [AssignmentColumns.TaskText] = FieldValues.Text(task.Title),
            [AssignmentColumns.TimeFrameText] = FieldValues.Text(task.TimeFrame?.Text),
            [AssignmentColumns.TimeFrameKind] = task.TimeFrame?.Kind.ToCode(),
            [AssignmentColumns.LastDay] = FieldValues.Date(task.TimeFrame?.LastDay),
        };
    }

    /// <summary>The Planner task the row is linked to, and the hash of what sync last wrote to it.</summary>
    public static Dictionary<string, string?> PlannerLinkFields(string taskId, string? hash) => new(StringComparer.Ordinal)
    {
        [AssignmentColumns.PlannerTaskId] = taskId,
        [AssignmentColumns.PlannerHash] = hash,
    };

    /// <summary>The progress copied from Planner; the status column only when there is a category (not for ongoing tasks).</summary>
    public static Dictionary<string, string?> ProgressFields(int percentComplete, DateOnly? completedOn, StatusCategory? category)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [AssignmentColumns.PercentComplete] = FieldValues.Number(percentComplete),
            [AssignmentColumns.CompletedOn] = FieldValues.Date(completedOn),
        };
        if (category is { } known)
        {
            fields[AssignmentColumns.Status] = known.Label();
        }

        return fields;
    }

    /// <summary>The last day an approved extension sets (null clears it).</summary>
    public static Dictionary<string, string?> ExtensionFields(DateOnly? extendedLastDay) => new(StringComparer.Ordinal)
    {
        [AssignmentColumns.ExtendedLastDay] = FieldValues.Date(extendedLastDay),
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
