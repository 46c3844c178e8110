using System.Collections.Concurrent;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.LocalM365;

namespace DanVan365.TestUtilities.M365;

/// <summary>How far the bundled ward was synced before a test starts from it.</summary>
public enum WardState
{
    /// <summary>The lists only (<see cref="DanVan365.Core.Sync.CatalogueSync"/>), as a first `sync` without Planner.</summary>
    ListsSynced,

    /// <summary>Lists then Planner (<see cref="WardHarness.Session.SyncAllAsync"/>), as a first `danvan365 sync`.</summary>
    Synced,

    /// <summary>
    /// The decision file uploaded into "Quyết định" (<see cref="WardHarness.DecisionFileName"/>) and synced by <see
    /// cref="DecisionIntake"/>, as the Functions' hourly check finds a ward after its clerk uploaded the decision.
    /// </summary>
    DecisionInUse,
}

/// <summary>
/// The bundled ward (<see cref="Bundled.Catalogue"/>, <see cref="Bundled.Units"/>) synced into a local Graph once per test
/// run for each (state, clock) a test asks for, and copied for every test (<see cref="LocalGraphSnapshot"/>, SQLite's
/// backup): each test gets its own server, state and counters, as if it had synced the ward itself, and pays only for
/// what it does after. Tests about the first sync itself still sync from the seed with <see cref="WardHarness.StartAsync"/>.
/// </summary>
public static class SyncedWard
{
    private static readonly ConcurrentDictionary<(string State, DateTimeOffset Now), Lazy<Task<Prepared>>> States = new();
    private static int _preparations;

    /// <summary>Wards this process prepared (synced) for snapshots, for the suite's benchmark figures.</summary>
    public static int Preparations => Volatile.Read(ref _preparations);

    /// <summary>A new harness on a copy of the ward synced to <paramref name="state"/> at <paramref name="now"/>.</summary>
    /// <param name="now">The clock of the sync and the harness (default <see cref="WardHarness.DefaultStart"/>).</param>
    /// <param name="outbox">Where the local Graph writes sent mail.</param>
    /// <param name="settings">Configuration given to the harness's registration (the sync itself used the defaults).</param>
    public static Task<WardHarness> StartAsync(WardState state = WardState.Synced, DateTimeOffset? now = null,
        string? outbox = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync("bundled ward: " + state, ward => SyncAsync(ward, state), now, outbox, settings);

    /// <summary>
    /// A new harness on a copy of a ward that <paramref name="prepare"/> brought, once per test run, from the seed to the
    /// state named <paramref name="state"/>, with what the preparation returned (e.g. the templates it issued).
    /// </summary>
    public static async Task<(WardHarness Ward, T Prepared)> StartAsync<T>(string state, Func<WardHarness, Task<T>> prepare,
        DateTimeOffset? now = null, string? outbox = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var prepared = await PreparedAsync(state, async ward => (object?)await prepare(ward).ConfigureAwait(false), now)
            .ConfigureAwait(false);
        var harness = await WardHarness.StartAsync(prepared.ClockAfter, outbox, settings, prepared.Snapshot).ConfigureAwait(false);
        return (harness, (T)prepared.Value!);
    }

    /// <summary>
    /// A new harness on a copy of a ward that <paramref name="prepare"/> brought, once per test run, from the seed to the
    /// state named <paramref name="state"/> (one name, one preparation: e.g. "decision uploaded and synced by the job").
    /// </summary>
    public static async Task<WardHarness> StartAsync(string state, Func<WardHarness, Task> prepare, DateTimeOffset? now = null,
        string? outbox = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var prepared = await PreparedAsync(state, async ward =>
        {
            await prepare(ward).ConfigureAwait(false);
            return null;
        }, now).ConfigureAwait(false);
        return await WardHarness.StartAsync(prepared.ClockAfter, outbox, settings, prepared.Snapshot).ConfigureAwait(false);
    }

    private static Task<Prepared> PreparedAsync(string state, Func<WardHarness, Task<object?>> prepare, DateTimeOffset? now) =>
        States.GetOrAdd((state, now ?? WardHarness.DefaultStart), k => new Lazy<Task<Prepared>>(() => PrepareAsync(prepare, k.Now)))
            .Value;

    private static async Task<Prepared> PrepareAsync(Func<WardHarness, Task<object?>> prepare, DateTimeOffset now)
    {
        Interlocked.Increment(ref _preparations);
        await using var ward = await WardHarness.StartAsync(now).ConfigureAwait(false);
        var value = await prepare(ward).ConfigureAwait(false);
        return new Prepared(ward.Server.Snapshot(), ward.Clock.GetUtcNow(), value);
    }

    private static async Task SyncAsync(WardHarness ward, WardState state)
    {
        await using var session = ward.NewSession();
        if (state == WardState.DecisionInUse)
        {
            await session.Provisioner.EnsureAsync(SiteSchema.Folders(Bundled.Catalogue.Decision), CancellationToken.None)
                .ConfigureAwait(false);
            var decision = await File.ReadAllBytesAsync(TestData.DecisionTextPath).ConfigureAwait(false);
            using (var publisher = ward.NewPublisherSession())
            {
                await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, WardHarness.DecisionFileName, decision,
                    CancellationToken.None).ConfigureAwait(false);
            }

            var intake = await session.Get<DecisionIntake>().SyncAsync(force: false, CancellationToken.None).ConfigureAwait(false);
            Check(intake.Sync?.Failures ?? [new RowFailure(WardHarness.DecisionFileName, intake.SkipReason ?? "not synced")]);
        }
        else if (state == WardState.ListsSynced)
        {
            var report = await session.CatalogueSync.RunAsync(Bundled.Catalogue, Bundled.Units, false, CancellationToken.None)
                .ConfigureAwait(false);
            Check(report.Failures);
        }
        else
        {
            var (lists, planner) = await session.SyncAllAsync(Bundled.Catalogue, Bundled.Units).ConfigureAwait(false);
            Check(lists.Failures.Concat(planner.Failures));
        }
    }

    private static void Check(IEnumerable<RowFailure> failures)
    {
        var all = failures.ToList();
        if (all.Count > 0)
        {
            throw new InvalidOperationException("Syncing the bundled ward failed: " + string.Join("; ", all));
        }
    }

    private sealed record Prepared(LocalGraphSnapshot Snapshot, DateTimeOffset ClockAfter, object? Value);
}
