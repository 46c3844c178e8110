using DanVan365.Core.Catalogue;

namespace DanVan365.Core.Sync;

/// <summary>
/// A Nhiệm vụ dân vận row (<see cref="SiteSchema.Tasks"/>) in types, with the column names of <see cref="TaskColumns"/>:
/// what sync writes for a catalogue entry (<see cref="For"/>, <see cref="Fields"/>) and what a reader gets back
/// (<see cref="From"/>). Unit codes are one column each way, written ", "-separated.
/// </summary>
public sealed record TaskRow(
    string Code,
    string? Title,
    string? Section,
    string? ParentCode,
    string? TaskText,
    string? LeadText,
    IReadOnlyList<string> LeadUnits,
    string? CoordinatingText,
    IReadOnlyList<string> CoordinatingUnits,
    string? TimeFrameText,
    TimeFrameKind? TimeFrameKind,
    DateOnly? LastDay,
    bool IsHeading,
    string? LegalBasis,
    string? DecisionNumber)
{
    /// <summary>The list item's id; null for a row not read from the list.</summary>
    public string? ItemId { get; init; }

    /// <summary>True when the entry was dropped by a later decision (the row is kept, archived).</summary>
    public bool Archived { get; init; }

    /// <summary>The people-owned notes column.</summary>
    public string? Notes { get; init; }

    /// <summary>The row for a catalogue entry, footnote texts by mark given (one dictionary for a whole catalogue).</summary>
    public static TaskRow For(CatalogueTask task, string? decisionNumber, IReadOnlyDictionary<string, string> footnotes)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(footnotes);
        return new TaskRow(
            task.Code,
            DesiredRows.Shorten($"{task.Code}. {task.Title}", DesiredRows.TitleLimit),
            task.Section,
            task.Parent,
            task.Title,
            task.Lead.Text,
            task.Lead.Units,
            task.Coordinating.Text,
            task.Coordinating.Units,
            task.TimeFrame?.Text,
            task.TimeFrame?.Kind,
            task.TimeFrame?.LastDay,
            task.IsHeading,
            string.Join("\n", task.Footnotes.Select(m => footnotes.GetValueOrDefault(m) is { } text ? $"({m}) {text}" : $"({m})")),
            decisionNumber);
    }

    /// <summary>The sync-owned columns in their canonical form (<see cref="FieldValues"/>); the key column is the row's key.</summary>
    public IReadOnlyDictionary<string, string?> Fields() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [SiteSchema.Title] = Title,
        [TaskColumns.SectionCode] = Section,
        [TaskColumns.ParentCode] = FieldValues.Text(ParentCode),
        [TaskColumns.TaskText] = FieldValues.Text(TaskText),
        [TaskColumns.LeadText] = FieldValues.Text(LeadText),
        [TaskColumns.LeadUnits] = FieldValues.Text(string.Join(", ", LeadUnits)),
        [TaskColumns.CoordinatingText] = FieldValues.Text(CoordinatingText),
        [TaskColumns.CoordinatingUnits] = FieldValues.Text(string.Join(", ", CoordinatingUnits)),
        [TaskColumns.TimeFrameText] = FieldValues.Text(TimeFrameText),
        [TaskColumns.TimeFrameKind] = TimeFrameKind?.ToCode(),
        [TaskColumns.LastDay] = FieldValues.Date(LastDay),
        [TaskColumns.IsHeading] = FieldValues.Bool(IsHeading),
        [TaskColumns.LegalBasis] = FieldValues.Text(LegalBasis),
        [TaskColumns.DecisionNumber] = DecisionNumber,
    };

    /// <summary>Reads a row; the code comes from its column, else from the key; null when neither gives one.</summary>
    public static TaskRow? From(CurrentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var f = row.Fields;
        var code = FieldValues.Text(f.GetValueOrDefault(TaskColumns.Code)) ?? FieldValues.Text(row.Key);
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var kindCode = f.GetValueOrDefault(TaskColumns.TimeFrameKind);
        var kind = TimeFrameKindCodes.FromCode(kindCode);
        return new TaskRow(
            code,
            f.GetValueOrDefault(SiteSchema.Title),
            f.GetValueOrDefault(TaskColumns.SectionCode),
            f.GetValueOrDefault(TaskColumns.ParentCode),
            f.GetValueOrDefault(TaskColumns.TaskText),
            f.GetValueOrDefault(TaskColumns.LeadText),
            Codes(f.GetValueOrDefault(TaskColumns.LeadUnits)),
            f.GetValueOrDefault(TaskColumns.CoordinatingText),
            Codes(f.GetValueOrDefault(TaskColumns.CoordinatingUnits)),
            f.GetValueOrDefault(TaskColumns.TimeFrameText),
            kind,
            FieldValues.ParseDate(f.GetValueOrDefault(TaskColumns.LastDay)),
            f.GetValueOrDefault(TaskColumns.IsHeading) == "true",
            f.GetValueOrDefault(TaskColumns.LegalBasis),
            f.GetValueOrDefault(TaskColumns.DecisionNumber))
        {
            ItemId = row.ItemId,
            Archived = f.GetValueOrDefault(SiteSchema.Archived) == "true",
            Notes = f.GetValueOrDefault(TaskColumns.Notes),
        };
    }

    private static string[] Codes(string? column) =>
        column?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
