using System.Globalization;
using System.Text.Json;
using DanVan365.Core.Escalation;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.M365.Client;
using DanVan365.M365.Lists;
using Microsoft.Graph.Models;

namespace DanVan365.M365.Escalation;

/// <summary>
/// <see cref="INotificationLogStore"/> over the hidden list Nhật ký thông báo (<see cref="SiteSchema.Notifications"/>).
/// A claim is a plain create (POST, batched): the NotificationKey column is unique, so a second create of the same key —
/// another run racing this one, or an earlier run — is refused with 409 and reported as taken. Unlike
/// <see cref="GraphListStore.ApplyAsync"/>, a 409 here is never reconciled into the existing row: it means "not yours" —
/// unless the existing row's seal fails (a person wrote it, e.g. "sent" to suppress a reminder): the app's own row of the
/// app's own list is then overwritten by the sealed claim (If-Match), so a forged row never blocks a notification.
/// </summary>
public sealed class GraphNotificationLog(SiteContext site, BatchRunner batches, GraphListStore lists, RecordSeal seal)
    : INotificationLogStore
{
    private static readonly ListDefinition List = SiteSchema.Notifications;

    public async Task<IReadOnlyList<NotificationLogEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        var rows = await lists.ReadAsync(List, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => NotificationRow.Sealed(r, seal) == SealCheck.Broken
            ? NotificationRow.ToEntry(r) with { Forged = NotificationRow.Forged(r) }
            : NotificationRow.ToEntry(r))];
    }

    public async Task<ClaimResult> ClaimAsync(IReadOnlyList<EscalationNotification> notifications, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count == 0)
        {
            return new ClaimResult([], [], []);
        }

        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        var operations = notifications.Select((n, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () =>
        {
            // https://learn.microsoft.com/graph/api/listitem-create
            var fields = NotificationRow.SealedClaim(n, now, seal);
            var body =
                new FieldValueSet
                {
                    AdditionalData = ColumnMapping.ToGraphFields(List, fields, site.Dates),
                };
            return site.Client.Sites[siteId].Lists[listId].Items.ToPostRequestInformation(new ListItem { Fields = body });
        }, RetrySafe: true)).ToList(); // a repeated claim meets the unique key: taken, never sent twice
        var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var claimed = new List<ClaimedNotification>();
        var taken = new List<EscalationNotification>();
        var failures = new List<RowFailure>();
        for (var i = 0; i < notifications.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            var n = notifications[i];
            if (outcome.IsSuccess && ItemId(outcome.Body) is { } id)
            {
                claimed.Add(new ClaimedNotification(n, id));
            }
            else if (Lists.UniqueKeyConflict.Is(outcome))
            {
                if (await ReclaimForgedAsync(siteId, listId, n, now, cancellationToken).ConfigureAwait(false) is { } reclaimed)
                {
                    claimed.Add(new ClaimedNotification(n, reclaimed));
                }
                else
                {
                    taken.Add(n);
                }
            }
            else
            {
                // Not claimed, not sent. (Had the create landed after all, the row counts as sent: at most once.)
                failures.Add(outcome.FailureOf(n.IdempotencyKey));
            }
        }

        return new ClaimResult(claimed, taken, failures);
    }

    public async Task<IReadOnlyList<RowFailure>> MarkSentAsync(IReadOnlyList<ClaimedNotification> claimed, DateOnly sentOn,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var patches = claimed.Select(c => new RowPatch(c.Notification.IdempotencyKey, c.ItemId,
            NotificationRow.SealedSent(c.Notification, sentOn, seal))).ToList();
        var result = await lists.PatchAsync(List, patches, cancellationToken).ConfigureAwait(false);
        return result.Failures;
    }

    public async Task<IReadOnlyList<RowFailure>> ReleaseAsync(IReadOnlyList<ClaimedNotification> claimed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (claimed.Count == 0)
        {
            return [];
        }

        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(List, cancellationToken).ConfigureAwait(false);
        // https://learn.microsoft.com/graph/api/listitem-delete
        var operations = claimed.Select((c, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture),
            () => site.Client.Sites[siteId].Lists[listId].Items[c.ItemId].ToDeleteRequestInformation())).ToList();
        var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var failures = new List<RowFailure>();
        for (var i = 0; i < claimed.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            if (!outcome.IsSuccess && outcome.Status != 404)
            {
                failures.Add(outcome.FailureOf(claimed[i].Notification.IdempotencyKey));
            }
        }

        return failures;
    }

    /// <summary>
    /// The item id of a row holding the key whose seal fails, now overwritten by this run's sealed claim; null when the row
    /// is DanVan365's (another run's claim: taken) or changed meanwhile.
    /// </summary>
    private async Task<string?> ReclaimForgedAsync(string siteId, string listId, EscalationNotification notification, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var key = EscalationKeys.ForColumn(notification.IdempotencyKey);
        var row = await lists.ReadByKeyAsync(siteId, listId, List, key, cancellationToken).ConfigureAwait(false);
        if (row is null || NotificationRow.Sealed(row, seal) != SealCheck.Broken)
        {
            return null;
        }

        var patch = new RowPatch(key, row.ItemId, NotificationRow.SealedClaim(notification, now, seal)) { ETag = row.ETag };
        var result = await lists.PatchAsync(List, [patch], cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? row.ItemId : null;
    }

    private static string? ItemId(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrEmpty(body) ? "{}" : body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id",
                out var id) ? GraphBodies.AsString(id) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
