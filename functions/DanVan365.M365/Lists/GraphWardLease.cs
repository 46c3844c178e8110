using System.Globalization;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IWardLease"/> as the row "lease" of Trạng thái đồng bộ: StateValue = "holder|expires (UTC, ISO 8601)".
/// A free ward is claimed by creating the row (the unique key makes a second create fail: only one claimant wins), a
/// released or expired lease by a PATCH carrying the row's eTag in If-Match (a second claimant gets 412 and loses).
/// Expiry comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class GraphWardLease(SiteContext site, GraphListStore lists, TimeProvider clock) : IWardLease
{
    /// <summary>The state key of the ward's lease.</summary>
    public const string Key = "lease";

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string purpose, TimeSpan wait, CancellationToken cancellationToken)
    {
        var holder = $"{purpose}:{Guid.NewGuid():N}";
        // The wait is real time (a runner must not hang whatever clock the use cases run on); the expiry is the clock's.
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            string? etag;
            try
            {
                etag = await TryClaimAsync(holder, cancellationToken).ConfigureAwait(false);
            }
            catch (Core.Errors.SiteNotProvisionedException)
            {
                // KNOWN GAP: before the state list exists (a first sync provisions it) there is nowhere to keep the lease.
                return new Held(this, holder, string.Empty);
            }

            if (etag is not null)
            {
                return new Held(this, holder, etag);
            }

            if (TimeProvider.System.GetElapsedTime(started) >= wait)
            {
                return null;
            }

            await Task.Delay(Poll, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One claim attempt: the new eTag when this holder now owns the lease, else null.</summary>
    private async Task<string?> TryClaimAsync(string holder, CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(SiteSchema.State, cancellationToken).ConfigureAwait(false);
        var items = site.Client.Sites[siteId].Lists[listId].Items;
        var now = clock.GetUtcNow();
        var value = $"{holder}|{(now + WardLeaseTimes.Duration).ToString("O", CultureInfo.InvariantCulture)}";
        var row = await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, Key, cancellationToken).ConfigureAwait(false);
        try
        {
            if (row is null)
            {
                // https://learn.microsoft.com/graph/api/listitem-create — the unique StateKey makes a second create fail.
                var created = await items.PostAsync(new ListItem
                {
                    Fields = new FieldValueSet
                    {
                        AdditionalData = new Dictionary<string, object>
                        {
                            [SiteSchema.Title] = Key,
                            ["StateKey"] = Key,
                            ["StateValue"] = value,
                        },
                    },
                }, cancellationToken: cancellationToken).ConfigureAwait(false);
                return ETagOf(created);
            }

            if (!IsFree(row.Fields.GetValueOrDefault("StateValue"), now))
            {
                return null;
            }

            return await WriteAsync(siteId, listId, row.ItemId, row.ETag, value, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 409 or 412)
        {
            // Another runner claimed it between our read and our write.
            return null;
        }
    }

    private async Task<string?> WriteAsync(string siteId, string listId, string itemId, string? etag, string value,
        CancellationToken cancellationToken)
    {
        // https://learn.microsoft.com/graph/api/listitem-update — If-Match: a row changed meanwhile answers 412.
        var fields = await site.Client.Sites[siteId].Lists[listId].Items[itemId].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = new Dictionary<string, object> { ["StateValue"] = value } },
            r =>
            {
                if (etag is not null)
                {
                    r.Headers.Add("If-Match", etag);
                }
            }, cancellationToken).ConfigureAwait(false);
        var item = await GraphErrors.Call("read lease", () => site.Client.Sites[siteId].Lists[listId].Items[itemId]
            .GetAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
        return fields is null ? null : ETagOf(item);
    }

    private static bool IsFree(string? value, DateTimeOffset now)
    {
        var parts = (value ?? string.Empty).Split('|');
        return parts.Length != 2 || parts[0].Length == 0
            || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            || expires <= now;
    }

    private static string? ETagOf(ListItem? item) =>
        item is null ? null : item.AdditionalData.TryGetValue("@odata.etag", out var e) ? GraphBodies.AsString(e) : item.ETag;

    private async Task ReleaseAsync(string holder, CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(SiteSchema.State, cancellationToken).ConfigureAwait(false);
        var row = await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, Key, cancellationToken).ConfigureAwait(false);
        if (row is null || row.Fields.GetValueOrDefault("StateValue")?.StartsWith(holder + "|", StringComparison.Ordinal) != true)
        {
            return;
        }

        try
        {
            await WriteAsync(siteId, listId, row.ItemId, row.ETag, "|", cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == 412)
        {
            // Taken over meanwhile (our lease had expired): nothing of ours to release.
        }
    }

    private sealed class Held(GraphWardLease lease, string holder, string etag) : IAsyncDisposable
    {
        public string ETag { get; } = etag;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await lease.ReleaseAsync(holder, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Core.Errors.SiteNotProvisionedException)
            {
                // Never provisioned: there was no lease row to release.
            }
        }
    }
}
