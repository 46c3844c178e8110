using DanVan365.Core.Sync;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.Configuration;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>
/// Issue 25: a ward run never outlasts the function timeout. At a small share of the tenant's budget (40 instances sharing
/// 1,250 RU a minute: 31 RU and 30 Planner requests a minute each) a first sync and an escalation take longer than host.json's
/// 10 minutes; each queue run stops at <c>WardJobs:RunTimeLimit</c> and is continued by a follow-up message, and the last run
/// leaves the ward exactly as one uninterrupted run does: the same rows, Planner tasks and mails, each once. Time is the
/// harness's virtual clock, moved only by the adapter's pacing waits.
/// </summary>
public class RunWardJobContinuationTests
{
    /// <summary>Monday 23/02/2026, 08:00 ICT: the first working day after Tết, many items overdue (a large escalation).</summary>
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 1, 0, 0, TimeSpan.Zero);

    /// <summary>The share of one of 40 instances (the figures), paced on the local Graph too.</summary>
    private static readonly Dictionary<string, string?> SmallShare = new()
    {
        ["M365:PaceLocal"] = "true",
        ["M365:ResourceUnitsPerMinute"] = "31",
        ["M365:PlannerRequestsPerMinute"] = "30",
    };

    /// <summary>host.json's functionTimeout, as the Functions read it at start.</summary>
    private static TimeSpan FunctionTimeout => HostFunctionTimeout.Read(new ConfigurationBuilder().Build(),
        Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Functions")) ?? throw new InvalidOperationException("no functionTimeout");

    private sealed record Run(TimeSpan Took, string? State, int Continuations);

    /// <summary>Runs the queue dry as the host would, one message at a time; what each run took and the outcome it left.</summary>
    private static async Task<List<Run>> RunQueueAsync(TestApp app, WardHarness harness, string? id)
    {
        var messages = ((InMemoryWardJobQueue)app.Queue).Messages;
        var runs = new List<Run>();
        while (messages.Count > 0)
        {
            Assert.True(runs.Count < 30, "the job never finished");
            var message = messages[0];
            messages.RemoveAt(0);
            var start = harness.Clock.GetUtcNow();
            await app.Get<RunWardJobFunction>().Run(message, FakeFunctionContext.ForQueue(1));
            var took = harness.Clock.GetUtcNow() - start;
            var outcome = id is null ? null : await app.Get<WardJobOutcomes>().ReadAsync(Ward(app), id, CancellationToken.None);
            runs.Add(new Run(took, outcome?.State, outcome?.Continuations ?? -1));
        }

        return runs;
    }

    private static Functions.Configuration.Ward Ward(TestApp app) =>
        app.Get<Functions.Configuration.IWardRegistry>().Find(TestApp.GoodWard)!;

    /// <summary>The ward as people see it: rows by key (values), each Phân công row's Planner task by title, the plan's tasks,
    /// Nhật ký thông báo's keys and states, and the mails sent.</summary>
    private static async Task<List<string>> EndStateAsync(WardHarness harness)
    {
        await using var session = harness.NewSession();
        var state = new List<string>();
        foreach (var row in await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None))
        {
            state.Add("task " + row.Key + " " + string.Join(";", row.Fields.OrderBy(f => f.Key, StringComparer.Ordinal)
                .Select(f => f.Key + "=" + f.Value)));
        }

        var plan = await session.Planner.SnapshotAsync(TestApp.PlanTitle, CancellationToken.None);
        var titles = plan!.Tasks.ToDictionary(t => t.Id, t => t.Title, StringComparer.Ordinal);
        foreach (var row in await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None))
        {
            var assignment = AssignmentRow.From(row)!;
            var task = assignment.PlannerTaskId is { } taskId ? titles.GetValueOrDefault(taskId, "(missing)") : "(none)";
            state.Add($"assignment {row.Key} task={task} hash={assignment.PlannerHash} percent={assignment.PercentComplete}");
        }

        state.AddRange(plan.Tasks.Select(t => "planner " + t.Title));
        state.AddRange((await session.Lists.ReadAsync(SiteSchema.Notifications, CancellationToken.None))
            .Select(r => "notification " + r.Key + " " + r.Fields.GetValueOrDefault("State")));
        state.Add("mails " + harness.Server.GetStats().MailsSent);
        return [.. state.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task RunWardJob_FirstSyncAtASmallShare_SplitIntoRunsWithinTheTimeoutEndingAsOneRun()
    {
        await using var reference = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(reference);
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        using var whole = new TestApp(reference);
        using var app = new TestApp(harness, extra: SmallShare);
        var id = WardJobOutcomes.NewId();
        var message = new WardJobMessage(TestApp.GoodWard, WardJob.SyncCatalogue, id, Force: true);

        await whole.Queue.EnqueueAsync(message, CancellationToken.None);
        var one = await RunQueueAsync(whole, reference, id);
        await app.Queue.EnqueueAsync(message, CancellationToken.None);
        var runs = await RunQueueAsync(app, harness, id);

        Assert.Equal([new Run(one[0].Took, WardJobOutcome.Done, 0)], one);
        Assert.True(runs.Count is >= 2 and <= 10, string.Join(", ", runs));
        Assert.All(runs, r => Assert.True(r.Took < FunctionTimeout, $"a run took {r.Took}"));
        // "continuing" after every run but the last, then the final result, counting the follow-ups.
        Assert.Equal([.. runs.SkipLast(1).Select((_, i) => (WardJobOutcome.Continuing, i + 1)), (WardJobOutcome.Done, runs.Count - 1)],
            runs.Select(r => (r.State!, r.Continuations)));
        var expected = await EndStateAsync(reference);
        Assert.Equal(expected, await EndStateAsync(harness));
        Assert.Equal(56, expected.Count(s => s.StartsWith("planner ", StringComparison.Ordinal)));
        // The decision was stamped only by the run that finished: an hourly check finds it unchanged.
        var again = await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);
        Assert.Equal("decision unchanged", again.SkipReason);
    }

    [Fact]
    public async Task RunWardJob_EscalationAtASmallShare_SplitBetweenDigestsEveryMailSentOnce()
    {
        await using var reference = await SyncedWard.StartAsync(WardState.DecisionInUse, Monday);
        await using var harness = await SyncedWard.StartAsync(WardState.DecisionInUse, Monday);
        using var whole = new TestApp(reference);
        // This day's escalation takes about five and a half minutes at the share: a two-minute limit splits it.
        using var app = new TestApp(harness, extra: new Dictionary<string, string?>(SmallShare) { ["WardJobs:RunTimeLimit"] = "00:02:00" });
        var message = new WardJobMessage(TestApp.GoodWard, WardJob.EscalateDeadlines);

        await whole.Queue.EnqueueAsync(message, CancellationToken.None);
        Assert.Single(await RunQueueAsync(whole, reference, null));
        await app.Queue.EnqueueAsync(message, CancellationToken.None);
        var runs = await RunQueueAsync(app, harness, null);

        Assert.True(runs.Count is >= 2 and <= 10, string.Join(", ", runs));
        Assert.All(runs, r => Assert.True(r.Took < FunctionTimeout, $"a run took {r.Took}"));
        var expected = await EndStateAsync(reference);
        Assert.Equal(expected, await EndStateAsync(harness));
        Assert.Contains(expected, s => s.StartsWith("notification ", StringComparison.Ordinal)
            && s.EndsWith(" sent", StringComparison.Ordinal));
        Assert.DoesNotContain(expected, s => s.StartsWith("notification ", StringComparison.Ordinal) && !s.EndsWith(" sent",
            StringComparison.Ordinal));
        Assert.True(harness.Server.GetStats().MailsSent > runs.Count);
    }
}
