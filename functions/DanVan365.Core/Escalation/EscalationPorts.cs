using DanVan365.Core.Sync;

namespace DanVan365.Core.Escalation;

/// <summary>
/// Nhật ký thông báo (<see cref="SiteSchema.Notifications"/>): one row per idempotency key, the key column unique.
/// Implemented by the Graph adapter. Keys are stored as <see cref="EscalationKeys.ForColumn"/> of the idempotency key.
/// </summary>
public interface INotificationLogStore
{
    /// <summary>Every row of the log. <see cref="NotificationLogEntry.IdempotencyKey"/> is the stored (column) form of the key.</summary>
    Task<IReadOnlyList<NotificationLogEntry>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates one row per notification in state pending (batched). A create refused because the key exists (409: another
    /// run, or an earlier run, holds it) goes into <see cref="ClaimResult.Taken"/>; nothing is overwritten.
    /// </summary>
    Task<ClaimResult> ClaimAsync(IReadOnlyList<EscalationNotification> notifications, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>Marks claimed rows sent (State = sent, SentOn = <paramref name="sentOn"/>).</summary>
    Task<IReadOnlyList<RowFailure>> MarkSentAsync(IReadOnlyList<ClaimedNotification> claimed, DateOnly sentOn,
        CancellationToken cancellationToken);

    /// <summary>Deletes claimed rows whose mail was certainly not sent (Graph refused it), so a later run can send them.</summary>
    Task<IReadOnlyList<RowFailure>> ReleaseAsync(IReadOnlyList<ClaimedNotification> claimed, CancellationToken cancellationToken);
}

/// <summary>A notification whose log row this run created (<see cref="ItemId"/>: the list item).</summary>
public sealed record ClaimedNotification(EscalationNotification Notification, string ItemId);

/// <summary>The outcome of a claim: rows created, keys another run holds, rows that could not be written.</summary>
public sealed record ClaimResult(IReadOnlyList<ClaimedNotification> Claimed, IReadOnlyList<EscalationNotification> Taken,
    IReadOnlyList<RowFailure> Failures);

/// <summary>Sends one digest as one e-mail (HTML and plain text) from the ward mailbox. Implemented by the Graph adapter.</summary>
public interface IEscalationMailSender
{
    /// <summary>
    /// Sends the digest. Throws <see cref="Errors.RemoteServiceException"/> when Graph refuses it; a 4xx other than 408/429
    /// means the mail certainly did not leave (<see cref="EscalationRun.IsDefinitiveRejection"/>).
    /// </summary>
    Task SendAsync(EscalationDigest digest, CancellationToken cancellationToken);
}

/// <summary>
/// Links an item's mail carries, as Graph gives them (null when unknown; never built by hand): the Phân công row (its own
/// webUrl, <see cref="Sync.CurrentRow.WebUrl"/>, comes first), the Planner task and Báo cáo kết quả.
/// </summary>
/// <param name="AssignmentItem">Phân công item id → URL of the row, when the row's own webUrl is not known.</param>
/// <param name="PlannerTask">Planner task id → URL of the task.</param>
/// <param name="UnitReports">(round, unit code) → URL of the unit's reports.</param>
public sealed record EscalationLinks(
    Func<string, string?> AssignmentItem,
    Func<string, string?> PlannerTask,
    Func<int, string, string?> UnitReports)
{
    /// <summary>No links.</summary>
    public static EscalationLinks None { get; } = new(_ => null, _ => null, (_, _) => null);
}
