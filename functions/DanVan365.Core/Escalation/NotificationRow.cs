using System.Globalization;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;

namespace DanVan365.Core.Escalation;

/// <summary>
/// A Nhật ký thông báo row (<see cref="SiteSchema.Notifications"/>) ↔ <see cref="NotificationLogEntry"/>, with the
/// column names of <see cref="NotificationColumns"/>. Keys are stored in their column form (<see cref="EscalationKeys.ForColumn"/>).
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
