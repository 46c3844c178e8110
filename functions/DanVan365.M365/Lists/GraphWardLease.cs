using System.Globalization;
using DanVan365.Core.Integrity;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace DanVan365.M365.Lists;

/// <summary>
/// <see cref="IWardLease"/> as the row "lease" of Trạng thái đồng bộ: StateValue = "holder|expires (UTC, ISO 8601)".
/// A free ward is claimed by creating the row (the unique key makes a second create fail: only one claimant wins), a
/// released or expired lease by a PATCH carrying the row's eTag in If-Match (a second claimant gets 412 and loses).
/// Renewals and the release are PATCHes with the holder's eTag too, so a holder that was overtaken changes nothing.
/// Every lease request goes before queued ward runs in the tenant's budgets (<see cref="PaceFirstOption"/>): a renewal held
/// back behind other wards' work could let the lease expire. The expiry, the wait for a busy ward and its poll come from the
/// <see cref="TimeProvider"/>; a site without the state list throws <see cref="Core.Errors.SiteNotProvisionedException"/>.
/// <para>Issue 22 (docs/architecture.md "Ward lease"): whether another runner's lease has expired is judged on one clock,
/// the server's: the row's lastModifiedDateTime (set by SharePoint on the holder's last claim or renewal) plus the lease's
/// duration, against the Date header of the answer that read it; the runners' own clocks are never compared. The value is
/// sealed like every state value: a lease a person wrote (no valid seal) is ignored, treated as free and recorded. A first
/// claim (the row's create) that loses answers 409, 400 or 500 depending on SharePoint's mood for a unique value: each is
/// "busy" (the row decides), never an error.</para>
/// </summary>
public sealed class GraphWardLease(SiteContext site, GraphListStore lists, TimeProvider clock, WardLeaseTimes times, RecordSeal seal,
    IInterventionLog? interventions = null) : IWardLease
{
    /// <summary>The state key of the ward's lease.</summary>
    public const string Key = "lease";

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Claim writes refused by a busy Microsoft 365 before the claim gives up with the error.</summary>
    private const int MaxFailedWrites = 5;

    public async Task<IWardLeaseHold?> TryAcquireAsync(string purpose, TimeSpan wait, CancellationToken cancellationToken)
    {
        var holder = $"{purpose}:{Guid.NewGuid():N}";
        // The wait, the poll and the expiry all run on the composition root's clock (a fake one in tests).
        var started = clock.GetTimestamp();
        var failedWrites = 0;
        while (true)
        {
            var (claimed, failed) = await TryClaimAsync(holder, cancellationToken).ConfigureAwait(false);
            if (claimed is { } row)
            {
                // What the run read before the claim (an idle check, WardSync) is read again under the lease.
                site.ForgetStateReadAhead();
                return new Held(this, holder, row.ItemId, row.ETag);
            }

            var left = wait - clock.GetElapsedTime(started);
            if (failed is not null)
            {
                // The lease was free but Microsoft 365 did not take our write (429/503/504, not applied): try again.
                if (++failedWrites >= MaxFailedWrites)
                {
                    throw GraphErrors.From("claim the ward's lease", failed);
                }

                left = Poll;
            }
            else if (left <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(left < Poll ? left : Poll, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The holder and expiry in a lease row's StateValue; a released lease is "|".</summary>
    public static (string Holder, DateTimeOffset? Expires) Parse(string? value)
    {
        var parts = (value ?? string.Empty).Split('|');
        return parts.Length == 2 && parts[0].Length > 0
            && DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            ? (parts[0], expires)
            : (string.Empty, null);
    }

    private string ValueFor(string holder) =>
        $"{holder}|{(clock.GetUtcNow() + times.Duration).ToString("O", CultureInfo.InvariantCulture)}";

    /// <summary>The row's columns for a lease value: the value and its seal.</summary>
    private Dictionary<string, object> Fields(string value) => new(StringComparer.Ordinal)
    {
        [StateColumns.Value] = value,
        [SiteSchema.Seal] = seal.Seal(SiteSchema.State.Key, Key, GraphStateStore.Sealed(value)),
    };

    /// <summary>True when DanVan365 wrote the row's lease value (its seal verifies).</summary>
    private bool Authentic(CurrentRow row) => seal.Verify(SiteSchema.State.Key, Key,
        GraphStateStore.Sealed(row.Fields.GetValueOrDefault(StateColumns.Value)), row.Fields.GetValueOrDefault(SiteSchema.Seal))
        != SealCheck.Broken;

    /// <summary>
    /// True while the lease in <paramref name="row"/> is held, judged on the server's clock: its last write
    /// (lastModifiedDateTime) plus the duration is after the server's now (<paramref name="serverNow"/>, the answer's Date).
    /// Without either server time (not seen from Graph), the value's own expiry against this runner's clock.
    /// </summary>
    private bool IsHeld(CurrentRow row, DateTimeOffset? serverNow)
    {
        var (holder, expires) = Parse(row.Fields.GetValueOrDefault(StateColumns.Value));
        if (holder.Length == 0)
        {
            return false;
        }

        return row.Modified is { } written && serverNow is { } now
            ? written + times.Duration > now
            : expires is { } until && until > clock.GetUtcNow();
    }

    /// <summary>The Date header of an answer (RFC 9110 §6.6.1), or null.</summary>
    private static DateTimeOffset? ServerNow(HeadersInspectionHandlerOption inspect) =>
        inspect.ResponseHeaders.TryGetValue("Date", out var values) && DateTimeOffset.TryParse(values.FirstOrDefault(),
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>Records a lease row a person wrote (best effort: the claim goes on).</summary>
    private async Task ReportForgedAsync(CurrentRow row, CancellationToken cancellationToken)
    {
        if (interventions is null)
        {
            return;
        }

        var value = row.Fields.GetValueOrDefault(StateColumns.Value);
        try
        {
            await interventions.RecordAsync([new Intervention(SiteSchema.State.DisplayName, Key, "Giá trị", value, null,
                InterventionAction.Ignored, "Quyền ghi của phường không do DanVan365 ghi; không sử dụng (coi như trống).",
                row.ModifiedBy, row.Modified)], Core.Time.WardTime.Today(clock), cancellationToken).ConfigureAwait(false);
        }
        catch (Core.Errors.DanVanException)
        {
            // Not recorded (e.g. the log list is missing): the forged lease is still ignored.
        }
    }

    /// <summary>
    /// One claim attempt: the row's id and new eTag when this holder now owns the lease; else none, and the error when the
    /// lease was free but the write failed without being applied (worth another attempt), or none when another runner holds it.
    /// </summary>
    private async Task<((string ItemId, string? ETag)? Claimed, ODataError? Failed)> TryClaimAsync(string holder,
        CancellationToken cancellationToken)
    {
        var (siteId, listId) = await ListAsync(cancellationToken).ConfigureAwait(false);
        var items = site.Client.Sites[siteId].Lists[listId].Items;
        var inspect = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var row = await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, Key, cancellationToken,
            paceFirst: true, inspect: inspect).ConfigureAwait(false);
        var authentic = row is not null && Authentic(row);
        if (row is not null && authentic && Parse(row.Fields.GetValueOrDefault(StateColumns.Value)).Holder == holder)
        {
            // Our earlier attempt was applied though its answer was lost.
            return ((row.ItemId, row.ETag), null);
        }

        if (row is not null && !authentic && Parse(row.Fields.GetValueOrDefault(StateColumns.Value)).Holder.Length > 0)
        {
            // Written by a person (e.g. an expiry in 9999): not a lease; claimed over it with the row's eTag, and recorded.
            await ReportForgedAsync(row, cancellationToken).ConfigureAwait(false);
        }
        else if (row is not null && IsHeld(row, ServerNow(inspect)))
        {
            return (null, null);
        }

        var value = ValueFor(holder);
        try
        {
            if (row is null)
            {
                // https://learn.microsoft.com/graph/api/listitem-create — the unique StateKey makes a second create fail.
                var created = await items.PostAsync(new ListItem
                {
                    Fields = new FieldValueSet
                    {
                        AdditionalData = new Dictionary<string, object>(Fields(value), StringComparer.Ordinal)
                        {
                            [SiteSchema.Title] = Key,
                            [StateColumns.Key] = Key,
                        },
                    },
                }, r => r.Options.Add(new PaceFirstOption()), cancellationToken).ConfigureAwait(false);
                // An answer without the row's id: the next attempt reads the row and finds it ours.
                return created?.Id is { } id ? ((id, ETagOf(created)), null) : (null, null);
            }

            return ((row.ItemId, await WriteAsync(siteId, listId, row.ItemId, row.ETag, value, cancellationToken)
                .ConfigureAwait(false)), null);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 409 or 412 or 429 or 503 or 504
            || (row is null && error.ResponseStatusCode is 400 or 500))
        {
            // 409/412: another runner wrote first; a create that loses on the unique key may also answer 400 or 500
            // (SharePoint's answers vary): busy, never an error. 429/503/504 may come after the write ran: the row decides.
            var again = await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, Key, cancellationToken,
                paceFirst: true).ConfigureAwait(false);
            return again?.Fields.GetValueOrDefault(StateColumns.Value) == value ? ((again.ItemId, again.ETag), null)
                : (null, error.ResponseStatusCode is 409 or 412 or 400 or 500 ? null : error);
        }
        catch (ODataError error)
        {
            throw GraphErrors.From("claim the ward's lease", error);
        }
    }

    private async Task<(string SiteId, string ListId)> ListAsync(CancellationToken cancellationToken)
    {
        var siteId = await site.SiteIdAsync(cancellationToken).ConfigureAwait(false);
        var listId = await site.ListIdAsync(SiteSchema.State, cancellationToken).ConfigureAwait(false);
        return (siteId, listId);
    }

    /// <summary>PATCH of the row's StateValue with If-Match; the row's new eTag (read: the PATCH answers none).</summary>
    private async Task<string?> WriteAsync(string siteId, string listId, string itemId, string? etag, string value,
        CancellationToken cancellationToken)
    {
        await PatchAsync(siteId, listId, itemId, etag, value, cancellationToken).ConfigureAwait(false);
        var item = await GraphErrors.Call("read lease", () => site.Client.Sites[siteId].Lists[listId].Items[itemId]
            .GetAsync(r => r.Options.Add(new PaceFirstOption()), cancellationToken)).ConfigureAwait(false);
        return ETagOf(item);
    }

    /// <summary>PATCH of the row's StateValue with If-Match.</summary>
    private Task PatchAsync(string siteId, string listId, string itemId, string? etag, string value,
        CancellationToken cancellationToken) =>
        // https://learn.microsoft.com/graph/api/listitem-update — If-Match: a row changed meanwhile answers 412.
        site.Client.Sites[siteId].Lists[listId].Items[itemId].Fields.PatchAsync(
            new FieldValueSet { AdditionalData = Fields(value) },
            r =>
            {
                r.Options.Add(new PaceFirstOption());
                if (etag is not null)
                {
                    r.Headers.Add("If-Match", etag);
                }
            }, cancellationToken);

    private static string? ETagOf(ListItem? item) =>
        item is null ? null : item.AdditionalData.TryGetValue("@odata.etag", out var e) ? GraphBodies.AsString(e) : item.ETag;

    /// <summary>
    /// Writes <paramref name="value"/> over the row while it is still <paramref name="holder"/>'s: the row is read, and
    /// written with the eTag of that read only if it names the holder (a takeover in between answers 412). The new eTag, or
    /// null when the lease is another runner's now.
    /// </summary>
    private async Task<string?> OverwriteOwnAsync(string holder, string value, CancellationToken cancellationToken)
    {
        var (siteId, listId) = await ListAsync(cancellationToken).ConfigureAwait(false);
        var row = await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, Key, cancellationToken,
            paceFirst: true).ConfigureAwait(false);
        if (row is null || Parse(row.Fields.GetValueOrDefault(StateColumns.Value)).Holder != holder)
        {
            return null;
        }

        try
        {
            return await WriteAsync(siteId, listId, row.ItemId, row.ETag, value, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 412 or 429 or 503 or 504)
        {
            // A write retried after it ran answers 412, and 429/503/504 may come after it ran: the row decides. Else 412 is
            // a takeover between our read and our write (our lease had expired): no longer ours.
            var again = await lists.ReadByKeyAsync(siteId, listId, SiteSchema.State, Key, cancellationToken,
                paceFirst: true).ConfigureAwait(false);
            if (again?.Fields.GetValueOrDefault(StateColumns.Value) == value)
            {
                return again.ETag;
            }

            return error.ResponseStatusCode == 412 ? null : throw GraphErrors.From("write the ward's lease", error);
        }
        catch (ODataError error)
        {
            throw GraphErrors.From("write the ward's lease", error);
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> with the eTag the holder has (no read first: 2 RU for the PATCH, and a 1-RU read of
    /// the new eTag when <paramref name="readETag"/>; listitem-update answers the fieldValueSet, which carries no eTag,
    /// docs repo api-reference/v1.0/api/listitem-update.md, resources/fieldvalueset.md). A row written by anyone since
    /// answers 412 and is not written; then, and after 429/503/504 (which may come after the write ran), the row decides
    /// (<see cref="OverwriteOwnAsync"/>). The new eTag ("" when not read), or null when the lease is another runner's now.
    /// </summary>
    private async Task<string?> WriteHeldAsync(string holder, string itemId, string? etag, string value, bool readETag,
        CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            return await OverwriteOwnAsync(holder, value, cancellationToken).ConfigureAwait(false);
        }

        var (siteId, listId) = await ListAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (readETag)
            {
                return await WriteAsync(siteId, listId, itemId, etag, value, cancellationToken).ConfigureAwait(false);
            }

            await PatchAsync(siteId, listId, itemId, etag, value, cancellationToken).ConfigureAwait(false);
            return string.Empty;
        }
        catch (ODataError error) when (error.ResponseStatusCode is 412 or 429 or 503 or 504)
        {
            return await OverwriteOwnAsync(holder, value, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error)
        {
            throw GraphErrors.From("write the ward's lease", error);
        }
    }

    private sealed class Held(GraphWardLease lease, string holder, string itemId, string? etag) : IWardLeaseHold
    {
        /// <summary>The row's eTag after the claim or the last renewal.</summary>
        private string? _etag = etag;

        /// <summary>False once the lease is lost or released.</summary>
        private bool _held = true;

        public async Task<bool> RenewAsync(CancellationToken cancellationToken)
        {
            var renewed = await lease.WriteHeldAsync(holder, itemId, _etag, lease.ValueFor(holder), readETag: true,
                cancellationToken).ConfigureAwait(false);
            _held = renewed is not null;
            _etag = renewed;
            return _held;
        }

        public async ValueTask DisposeAsync()
        {
            if (_held)
            {
                // Released: "|" is free for the next claimant at once (an overtaken holder writes nothing). The holder's
                // eTag makes a read first needless, and nobody needs the released row's eTag.
                _held = false;
                await lease.WriteHeldAsync(holder, itemId, _etag, "|", readETag: false, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
