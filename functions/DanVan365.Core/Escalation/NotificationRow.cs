using System.Globalization;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Escalation;

/// <summary>
/// A Nhật ký thông báo row (<see cref="SiteSchema.Notifications"/>) ↔ <see cref="NotificationLogEntry"/>, with the
/// column names of <see cref="NotificationColumns"/>. Keys are stored in their column form (<see cref="EscalationKeys.ForColumn"/>).
/// Rows are sealed (<see cref="Sealed"/>, docs/architecture.md "Records people can trust"): a row a person adds or edits — a
/// "sent" typed in to suppress a reminder — does not verify, counts as absent and is reported.
/// </summary>
public static class NotificationRow
{
    /// <summary>The fields of the row that claims a notification (state pending, claimed at <paramref name="now"/>, UTC).</summary>
    public static IReadOnlyDictionary<string, string?> Claim(EscalationNotification notification, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [SiteSchema.Title] = EscalationKeys.ForColumn(notification.Item.Key),
            [NotificationColumns.Key] = EscalationKeys.ForColumn(notification.IdempotencyKey),
            [NotificationColumns.Recipient] = EscalationKeys.ForColumn(notification.Recipient.Key),
            [NotificationColumns.ItemKey] = EscalationKeys.ForColumn(notification.Item.Key),
            [NotificationColumns.Level] = notification.Level.Key,
            [NotificationColumns.State] = NotificationColumns.StatePending,
            [NotificationColumns.ClaimedAt] = now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The fields that mark a claimed row sent on <paramref name="sentOn"/> (ICT date).</summary>
    public static IReadOnlyDictionary<string, string?> Sent(DateOnly sentOn) => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [NotificationColumns.State] = NotificationColumns.StateSent,
        [NotificationColumns.SentOn] = FieldValues.Date(sentOn),
    };

    /// <summary>The claim's fields with their seal.</summary>
    public static IReadOnlyDictionary<string, string?> SealedClaim(EscalationNotification notification, DateTimeOffset now,
        RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var fields = new Dictionary<string, string?>(Claim(notification, now), StringComparer.Ordinal);
        fields[SiteSchema.Seal] = seal.Seal(SiteSchema.Notifications.Key, fields[NotificationColumns.Key]!, Covered(fields));
        return fields;
    }

    /// <summary>The fields that mark a claimed row sent, with the seal of the row they leave.</summary>
    public static IReadOnlyDictionary<string, string?> SealedSent(EscalationNotification notification, DateOnly sentOn, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var sent = Sent(sentOn);
        var row = new Dictionary<string, string?>(Claim(notification, DateTimeOffset.UnixEpoch), StringComparer.Ordinal);
        foreach (var (name, value) in sent)
        {
            row[name] = value;
        }

        var fields = new Dictionary<string, string?>(sent, StringComparer.Ordinal)
        {
            [SiteSchema.Seal] = seal.Seal(SiteSchema.Notifications.Key, row[NotificationColumns.Key]!, Covered(row)),
        };
        return fields;
    }

    /// <summary>Whether DanVan365 wrote the row as it is (the claim time aside: it only dates a pending row).</summary>
    public static SealCheck Sealed(CurrentRow row, RecordSeal seal)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(seal);
        return seal.Verify(SiteSchema.Notifications.Key, row.Key, Covered(row.Fields), row.Fields.GetValueOrDefault(SiteSchema.Seal));
    }

    /// <summary>A row whose seal fails, as recorded in Nhật ký can thiệp: not used, so its reminder goes out.</summary>
    public static Intervention Forged(CurrentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var list = SiteSchema.Notifications;
        return new Intervention(list.DisplayName, row.Key, list.Column(NotificationColumns.State).DisplayName,
            row.Fields.GetValueOrDefault(NotificationColumns.State), null, InterventionAction.Ignored, ForgedReason, row.ModifiedBy,
            row.Modified);
    }

    /// <summary>Why a forged row is recorded.</summary>
    public const string ForgedReason =
        "Dòng nhật ký thông báo không do DanVan365 ghi (chứng thực không khớp): coi như chưa gửi, thông báo vẫn được gửi.";

    private static Dictionary<string, string?> Covered(IReadOnlyDictionary<string, string?> fields) =>
        new[] { NotificationColumns.Key, NotificationColumns.Recipient, NotificationColumns.ItemKey, NotificationColumns.Level,
            NotificationColumns.State, NotificationColumns.SentOn }
            .ToDictionary(c => c, c => FieldValues.Text(fields.GetValueOrDefault(c)), StringComparer.Ordinal);

    /// <summary>Reads a row of the log (an unreadable claim time reads as <see cref="DateTimeOffset.MinValue"/>: stale).</summary>
    public static NotificationLogEntry ToEntry(CurrentRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var state = row.Fields.GetValueOrDefault(NotificationColumns.State) == NotificationColumns.StateSent
            ? NotificationLogState.Sent
            : NotificationLogState.Pending;
        var claimedAt = DateTimeOffset.TryParse(row.Fields.GetValueOrDefault(NotificationColumns.ClaimedAt), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue;
        DateTimeOffset? sentAt = FieldValues.ParseDate(row.Fields.GetValueOrDefault(NotificationColumns.SentOn)) is { } day
            ? WardTime.StartOfDayUtc(day)
            : null;
        return new NotificationLogEntry(row.Key, state, claimedAt, sentAt);
    }
}
