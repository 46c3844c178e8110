using Azure.Storage.Queues;
using DanVan365.Core.Sync;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Tests.Support;
using DanVan365.Functions.Triggers;
using DanVan365.TestUtilities.M365;

namespace DanVan365.Functions.Tests.Triggers;

/// <summary>
/// The fan-out end to end on a real queue (Azurite): a timer enqueues one message per ward, and the test drains the
/// queue the way the Functions host does with host.json's maxDequeueCount 5 — a failed message becomes visible again
/// and, on its 5th failed attempt, moves to "ward-jobs-poison".
/// </summary>
public class FanOutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int MaxDequeueCount = 5;

    private sealed record Drained(Dictionary<string, int> Failures, List<string> Completed);

    private static async Task<Drained> DrainLikeTheHostAsync(QueueClient queue, QueueClient poison, RunWardJobFunction function)
    {
        var drained = new Drained(new Dictionary<string, int>(StringComparer.Ordinal), []);
        for (var round = 0; round < 50; round++)
        {
            var messages = (await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(5))).Value;
            if (messages.Length == 0)
            {
                break;
            }

            foreach (var message in messages)
            {
                var text = message.Body.ToString();
                var ward = WardJobMessage.Parse(text).Ward;
                try
                {
                    await function.Run(text, FakeFunctionContext.ForQueue(message.DequeueCount));
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    drained.Completed.Add(ward);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    drained.Failures[ward] = drained.Failures.GetValueOrDefault(ward) + 1;
                    if (message.DequeueCount >= MaxDequeueCount)
                    {
                        await poison.SendMessageAsync(text);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                    else
                    {
                        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                    }
                }
            }
        }

        return drained;
    }

    [Fact]
    public async Task SyncCatalogue_TwoWardsOneWithABadSite_GoodWardSyncsBadWardPoisonedAfterFiveAttempts()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness);
        var service = new QueueServiceClient(azurite.ConnectionString, StorageWardJobQueue.ClientOptions());
        using var app = new TestApp(harness, new StorageWardJobQueue(service), withBadWard: true);
        var queue = service.GetQueueClient(QueueNames.WardJobs);
        var poison = service.GetQueueClient(QueueNames.WardJobsPoison);
        await poison.CreateIfNotExistsAsync();

        await app.Get<ScheduledFunctions>().SyncCatalogue(new Microsoft.Azure.Functions.Worker.TimerInfo(), new FakeFunctionContext());
        Assert.Equal(2, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        var drained = await DrainLikeTheHostAsync(queue, poison, app.Get<RunWardJobFunction>());

        Assert.Equal([TestApp.GoodWard], drained.Completed);
        Assert.Equal(new Dictionary<string, int> { [TestApp.BadWard] = MaxDequeueCount }, drained.Failures);
        var poisoned = Assert.Single((await poison.PeekMessagesAsync(maxMessages: 32)).Value);
        Assert.Equal(new WardJobMessage(TestApp.BadWard, WardJob.SyncCatalogue), WardJobMessage.Parse(poisoned.Body.ToString()));
        Assert.Empty((await queue.PeekMessagesAsync(maxMessages: 32)).Value);
        using var session = harness.NewSession();
        Assert.Equal(31, (await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None)).Count);
        var decision = Assert.Single(await session.Library.ListAsync(SiteSchema.DecisionFolder, CancellationToken.None));
        // The sealed processed-file value starts with the content version judged (issue 22, ProcessedStamp).
        Assert.StartsWith(decision.Version + "|", decision.Fields[DanVan365.Core.Wards.DecisionIntake.StampColumn],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task DispatchWards_PullForTwoWards_OneBase64JsonMessagePerWard()
    {
        await using var harness = await WardHarness.StartAsync();
        var service = new QueueServiceClient(azurite.ConnectionString, StorageWardJobQueue.ClientOptions());
        await service.GetQueueClient(QueueNames.WardJobs).DeleteIfExistsAsync();
        using var app = new TestApp(harness, new StorageWardJobQueue(service), withBadWard: true);

        await app.Get<ScheduledFunctions>().PullPlannerProgress(new Microsoft.Azure.Functions.Worker.TimerInfo(),
            new FakeFunctionContext());

        var raw = new QueueServiceClient(azurite.ConnectionString).GetQueueClient(QueueNames.WardJobs);
        var texts = (await raw.PeekMessagesAsync(maxMessages: 32))
            .Value.Select(m => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["{\"ward\":\"hai-an\",\"job\":\"PullPlannerProgress\"}",
            "{\"ward\":\"khong-ton-tai\",\"job\":\"PullPlannerProgress\"}"], texts);
        await raw.DeleteAsync();
    }
}
