using System.Globalization;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Integrity;

/// <summary>
/// A Nhật ký can thiệp row (<see cref="SiteSchema.Interventions"/>) ↔ <see cref="Intervention"/>, with the column names of
/// <see cref="InterventionColumns"/>. The row is sealed like every row DanVan365 owns: a row a person adds or edits in
/// the list does not verify and is not reported as the app's.
/// </summary>
public static class InterventionRow
{
    /// <summary>The owned values of a new row (without its seal).</summary>
    public static IReadOnlyDictionary<string, string?> Values(Intervention intervention, DateOnly recordedOn)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SiteSchema.Title] = intervention.List + " – " + intervention.RowKey,
            [InterventionColumns.Key] = intervention.Key,
            [InterventionColumns.ListName] = intervention.List,
            [InterventionColumns.RowKey] = intervention.RowKey,
            [InterventionColumns.Column] = intervention.Column,
            [InterventionColumns.Found] = Shown(intervention.Found),
            [InterventionColumns.Restored] = Shown(intervention.Restored),
            [InterventionColumns.Action] = InterventionWords.Of(intervention.Action),
            [InterventionColumns.Reason] = intervention.Reason,
            [InterventionColumns.ChangedBy] = intervention.By is null ? null : PersonName(intervention.By),
            [InterventionColumns.ChangedById] = intervention.By?.UserId ?? intervention.By?.ApplicationId,
            [InterventionColumns.ChangedAt] = intervention.At is { } at ? AtText(at) : null,
            [InterventionColumns.RecordedOn] = FieldValues.Date(recordedOn),
        };
    }

    /// <summary>The values the seal covers: every column except the seal itself and the reported date (set later).</summary>
    public static IReadOnlyDictionary<string, string?> Sealed(IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return SiteSchema.Interventions.Columns
            .Where(c => c.Name is not SiteSchema.Seal and not InterventionColumns.ReportedOn)
            .ToDictionary(c => c.Name, c => fields.GetValueOrDefault(c.Name), StringComparer.Ordinal);
    }

    /// <summary>Reads a row back; null when it is not one DanVan365 wrote (its seal does not verify) or unreadable.</summary>
    public static RecordedIntervention? Read(CurrentRow row, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(seal);
        var fields = row.Fields;
        if (seal.Verify(SiteSchema.Interventions.Key, row.Key, Sealed(fields), fields.GetValueOrDefault(SiteSchema.Seal))
                == SealCheck.Broken
            || InterventionWords.Parse(fields.GetValueOrDefault(InterventionColumns.Action)) is not { } action
            || FieldValues.ParseDate(fields.GetValueOrDefault(InterventionColumns.RecordedOn)) is not { } recordedOn)
        {
            return null;
        }

        var byId = fields.GetValueOrDefault(InterventionColumns.ChangedById);
        var byName = fields.GetValueOrDefault(InterventionColumns.ChangedBy);
        var by = byId is null && byName is null ? null : new FileModifier(byId, byName);
        DateTimeOffset? at = DateTimeOffset.TryParseExact(fields.GetValueOrDefault(InterventionColumns.ChangedAt), AtFormat,
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? new DateTimeOffset(parsed.DateTime, WardTime.Offset)
                : null;
        var intervention = new Intervention(fields.GetValueOrDefault(InterventionColumns.ListName) ?? string.Empty,
            fields.GetValueOrDefault(InterventionColumns.RowKey) ?? string.Empty,
            fields.GetValueOrDefault(InterventionColumns.Column) ?? string.Empty,
            fields.GetValueOrDefault(InterventionColumns.Found), fields.GetValueOrDefault(InterventionColumns.Restored), action,
            fields.GetValueOrDefault(InterventionColumns.Reason) ?? string.Empty, by, at);
        return new RecordedIntervention(row.ItemId, row.Key, intervention, recordedOn);
    }

    /// <summary>True when the row has been reported in a digest.</summary>
    public static bool IsReported(CurrentRow row) =>
        FieldValues.ParseDate(row?.Fields.GetValueOrDefault(InterventionColumns.ReportedOn)) is not null;

    /// <summary>
    /// Ward time as a clerk writes it, "09:05 ngày 01/03/2026". Also keeps the value text: the Graph SDK reads an ISO 8601
    /// string of a text column back as a date-time (its JSON reader tries dates first), which would change the sealed value.
    /// </summary>
    private const string AtFormat = "HH:mm 'ngày' dd/MM/yyyy";

    private static string AtText(DateTimeOffset at) => at.ToOffset(WardTime.Offset).ToString(AtFormat, CultureInfo.InvariantCulture);

    /// <summary>A value as the clerk reads it: a date "yyyy-MM-dd" as dd/MM/yyyy (and kept text, see <see cref="AtFormat"/>).</summary>
    public static string? Shown(string? value) =>
        FieldValues.Text(value) is { Length: 10 } text && FieldValues.ParseDate(text) is { } day
            ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : FieldValues.Text(value);

    private static string? PersonName(FileModifier by) => by.UserName ?? by.UserId ?? by.ApplicationName ?? by.ApplicationId;
}
