namespace DanVan365.Core.Escalation;

/// <summary>
/// State of a row in Nhật ký thông báo (one row per idempotency key, the key column unique).
/// The sender claims a key by creating the row as <see cref="Pending"/> (the unique column makes a second, concurrent
/// claim fail), sends the digest, then marks the row <see cref="Sent"/>. Every key present, in either state, is passed
/// to <see cref="EscalationPolicy.Plan(IEnumerable{EscalationItem}, RecipientDirectory, WorkingCalendar, EscalationOptions, DateOnly,
/// IReadOnlySet{string})"/>
/// as already sent: delivery is at most once. A row left <see cref="Pending"/> (crash between sending and recording)
/// may or may not have been mailed; it is reported for an operator, never re-sent automatically.
/// </summary>
public enum NotificationLogState
{
    Pending,
    Sent,
}

/// <summary>A row of Nhật ký thông báo as Core sees it.</summary>
public sealed record NotificationLogEntry(string IdempotencyKey, NotificationLogState State, DateTimeOffset ClaimedAt,
    DateTimeOffset? SentAt)
{
    /// <summary>
    /// Set for a row whose seal fails (written or edited by a person): it counts as absent, so its notification goes out
    /// (a claim overwrites the row), and it is reported.
    /// </summary>
    public Integrity.Intervention? Forged { get; init; }

    /// <summary>Claim rows for the digest (state pending), created before sending.</summary>
    public static IReadOnlyList<NotificationLogEntry> Claim(EscalationDigest digest, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return [.. digest.IdempotencyKeys.Select(k => new NotificationLogEntry(k, NotificationLogState.Pending, now, null))];
    }

    /// <summary>The entry once the mail went out.</summary>
    public NotificationLogEntry MarkSent(DateTimeOffset now) => this with { State = NotificationLogState.Sent, SentAt = now };

    /// <summary>True for a pending row older than <paramref name="grace"/>: the send probably crashed; show it to an operator.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan grace) => State == NotificationLogState.Pending && now - ClaimedAt > grace;
}
