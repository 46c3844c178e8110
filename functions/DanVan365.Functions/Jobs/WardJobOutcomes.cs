using System.Text.Json;
using System.Text.Json.Serialization;
using DanVan365.Core.Errors;
using DanVan365.Core.Sync;
using DanVan365.Functions.Configuration;
using DanVan365.M365.Composition;

namespace DanVan365.Functions.Jobs;

/// <summary>
/// What a queued job asked for over HTTP ended with, kept in the ward's state list (row <c>job:{id}</c>, JSON), so the
/// caller reads it after the queue ran it (<c>GET /api/jobs/{id}</c>): "done" with the sync's counts, or "failed" with the
/// reason (the queue retries a failed job; a later success overwrites it). A job that found the ward busy records nothing:
/// it wrote nothing and the queue tries again.
/// </summary>
/// <param name="Id">The job's id (32 hex digits).</param>
/// <param name="Ward">The ward id.</param>
/// <param name="Job">The job kind.</param>
/// <param name="State">"done" or "failed".</param>
/// <param name="FinishedAt">When the run ended (ward time).</param>
/// <param name="Sync">A sync's counts (null for a run that threw).</param>
/// <param name="Error">Why it failed, for an administrator (null when done).</param>
/// <param name="Continuations">Follow-up runs of the job so far (0: it ran in one go).</param>
/// <param name="Note">While "continuing": what the last run did and that the next one goes on (Vietnamese); else null.</param>
public sealed record WardJobOutcome(string Id, string Ward, WardJob Job, string State, DateTimeOffset FinishedAt, SyncOutcome? Sync,
    string? Error, int Continuations = 0, string? Note = null)
{
    public const string Done = "done";

    public const string Failed = "failed";

    /// <summary>A run stopped at its deadline with part of the work written; a follow-up run is queued ("đang tiếp tục").</summary>
    public const string Continuing = "continuing";
}

/// <summary>The answer of SyncNow (202) and of a job not finished yet: where to read the outcome.</summary>
/// <param name="Id">The job's id.</param>
/// <param name="Ward">The ward id.</param>
/// <param name="Job">The job kind.</param>
/// <param name="State">"queued": in the queue or running.</param>
/// <param name="StatusUrl">GET this for the outcome (also the Location header).</param>
public sealed record WardJobAccepted(string Id, string Ward, WardJob? Job, string State, string StatusUrl)
{
    public const string Queued = "queued";
}

/// <summary>Records and reads <see cref="WardJobOutcome"/>s in the ward's site.</summary>
public sealed class WardJobOutcomes(IWardScopeFactory scopes, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A job id as SyncNow makes them: 32 lowercase hex digits (it goes into a state key and a URL).</summary>
    public static bool IsJobId(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>A new job id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The URL an administrator reads a job's outcome from.</summary>
    public static string StatusUrl(string wardId, string id) =>
        $"/api/jobs/{Uri.EscapeDataString(id)}?ward={Uri.EscapeDataString(wardId)}";

    /// <summary>The state key of a job's outcome.</summary>
    public static string StateKey(string id) => "job:" + id;

    /// <summary>Records how the job <paramref name="id"/> ended (after <paramref name="continuations"/> follow-up runs).</summary>
    public Task RecordAsync(Ward ward, string id, WardJob job, SyncOutcome? sync, string? error, int continuations,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ward);
        return WriteAsync(ward, new WardJobOutcome(id, ward.Id, job, error is null && sync is not { Failures: > 0 } ? WardJobOutcome.Done
            : WardJobOutcome.Failed, Core.Time.WardTime.Now(clock), sync, error, continuations), cancellationToken);
    }

    /// <summary>
    /// Records that run <paramref name="continuations"/> of the job stopped at its deadline and a follow-up run is queued;
    /// <paramref name="note"/> says so in Vietnamese.
    /// </summary>
    public Task RecordContinuingAsync(Ward ward, string id, WardJob job, int continuations, string note,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ward);
        return WriteAsync(ward, new WardJobOutcome(id, ward.Id, job, WardJobOutcome.Continuing, Core.Time.WardTime.Now(clock), null,
            null, continuations, note), cancellationToken);
    }

    private async Task WriteAsync(Ward ward, WardJobOutcome outcome, CancellationToken cancellationToken)
    {
        var id = outcome.Id;
        await using var scope = scopes.Open(ward.Target);
        await scope.Get<IStateStore>().SetAsync(StateKey(id), JsonSerializer.Serialize(outcome, Json), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The recorded outcome, or null while the job is queued or running (or the site has no state list yet). An administrator
    /// waits for it (GET /api/jobs/{id}): the read takes the interactive lane, before queued ward runs.
    /// </summary>
    public async Task<WardJobOutcome?> ReadAsync(Ward ward, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ward);
        await using var scope = scopes.Open(ward.CallerTarget);
        string? value;
        try
        {
            value = await scope.Get<IStateStore>().GetAsync(StateKey(id), cancellationToken).ConfigureAwait(false);
        }
        catch (SiteNotProvisionedException)
        {
            // A first sync not run yet: no outcome can have been recorded.
            return null;
        }

        return value is null ? null : JsonSerializer.Deserialize<WardJobOutcome>(value, Json);
    }
}
