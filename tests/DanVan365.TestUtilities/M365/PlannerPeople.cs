using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using Microsoft.Graph.Models;

namespace DanVan365.TestUtilities.M365;

/// <summary>
/// What a person does in Planner, through the Graph SDK against the local Graph: each edit reads the task first and
/// sends its current eTag as If-Match, as a Planner update or delete requires.
/// </summary>
public static class PlannerPeople
{
    /// <summary>A person changes a task (e.g. its percent complete).</summary>
    public static async Task PatchTaskAsync(WardHarness.Session session, string taskId, PlannerTask patch)
    {
        ArgumentNullException.ThrowIfNull(session);
        var eTag = await ETagAsync(session, taskId).ConfigureAwait(false);
        await session.Connection.Client.Planner.Tasks[taskId].PatchAsync(patch, r => r.Headers.Add("If-Match", eTag))
            .ConfigureAwait(false);
    }

    /// <summary>A person deletes a task.</summary>
    public static async Task DeleteTaskAsync(WardHarness.Session session, string taskId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var eTag = await ETagAsync(session, taskId).ConfigureAwait(false);
        await session.Connection.Client.Planner.Tasks[taskId].DeleteAsync(r => r.Headers.Add("If-Match", eTag)).ConfigureAwait(false);
    }

    /// <summary>The Phân công row of <paramref name="key"/> ("code|unitCode") as the list holds it now.</summary>
    public static async Task<CurrentRow> AssignmentRowAsync(WardHarness.Session session, string key)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None).ConfigureAwait(false))
            .Single(r => r.Key == key);
    }

    private static async Task<string> ETagAsync(WardHarness.Session session, string taskId)
    {
        var task = await session.Connection.Client.Planner.Tasks[taskId].GetAsync().ConfigureAwait(false);
        return (string)task!.AdditionalData["@odata.etag"];
    }
}

/// <summary>
/// A ward synced (lists and Planner) on 16/02/2026 whose Planner task for one assignment a person marked complete on
/// 20/02/2026; the clock then stands at 02/03/2026, after the deadline of 3.5.a.
/// </summary>
public sealed class CompletedTaskWard : IAsyncDisposable
{
    private CompletedTaskWard(WardHarness ward, WardHarness.Session session, string key, string taskId)
    {
        Ward = ward;
        Session = session;
        Key = key;
        TaskId = taskId;
    }

    public WardHarness Ward { get; }

    /// <summary>The session that synced and completed the task.</summary>
    public WardHarness.Session Session { get; }

    /// <summary>The assignment's key ("code|unitCode").</summary>
    public string Key { get; }

    /// <summary>The id of the Planner task the person completed.</summary>
    public string TaskId { get; }

    public static async Task<CompletedTaskWard> StartAsync(TaskCatalogue catalogue, UnitDirectory units, string key)
    {
        var ward = await WardHarness.StartAsync(new DateTimeOffset(2026, 2, 16, 1, 0, 0, TimeSpan.Zero)).ConfigureAwait(false);
        var session = ward.NewSession();
        try
        {
            await session.SyncAllAsync(catalogue, units).ConfigureAwait(false);
            var taskId = (await PlannerPeople.AssignmentRowAsync(session,
                key).ConfigureAwait(false)).Fields[AssignmentColumns.PlannerTaskId]!;
            ward.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 20, 3, 0, 0, TimeSpan.Zero));
            await PlannerPeople.PatchTaskAsync(session, taskId, new PlannerTask { PercentComplete = 100 }).ConfigureAwait(false);
            ward.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
            return new CompletedTaskWard(ward, session, key, taskId);
        }
        catch
        {
            session.Dispose();
            await ward.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The assignment's row as the list holds it now.</summary>
    public Task<CurrentRow> RowAsync() => PlannerPeople.AssignmentRowAsync(Session, Key);

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await Ward.DisposeAsync().ConfigureAwait(false);
    }
}
