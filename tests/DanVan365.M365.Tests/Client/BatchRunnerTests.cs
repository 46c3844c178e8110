using DanVan365.LocalM365;
using DanVan365.M365.Client;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Time;
using Microsoft.Extensions.Logging;

namespace DanVan365.M365.Tests.Client;

/// <summary>
/// $batch items the local Graph throttles one by one (docs repo: concepts/json-batching.md, "Batch size limitations":
/// "Requests in a batch are evaluated individually … it fails with a status of 429") are retried and logged like request
/// retries.
/// </summary>
public sealed class BatchRunnerTests
{
    [Fact]
    public async Task RunAsync_ItemThrottledInsideBatch_LogsTheItemRetryWithIdStatusWaitAndAttempt()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { Clock = clock });
        var options = new M365Options { Local = true, GraphBaseUrl = server.BaseUrl, SiteUrl = "https://haian.sharepoint.com/sites/x" };
        var connection = GraphClientBuilder.Create(options, new TenantResilience(options, clock));
        var logger = new ListLogger<BatchRunner>();
        var runner = new BatchRunner(connection.Client, clock, maxAttempts: 4, logger);
        // The third operation the local Graph runs answers 429 with Retry-After 2: the third item of the first batch.
        server.SetFaults(new EmulatorFaults(ThrottleEvery: 3, RetryAfterSeconds: 2));
        var site = server.Tenant.WardSiteId;
        var operations = Enumerable.Range(0, 4).Select(i => new BatchOperation("item" + i,
            () => connection.Client.Sites[site].Lists.ToGetRequestInformation())).ToList();

        var outcomes = await runner.RunAsync(operations, CancellationToken.None);

        Assert.All(outcomes.Values, o => Assert.True(o.IsSuccess));
        var retry = Assert.Single(logger.Entries, e => e.EventId == 5300);
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Contains("item2", retry.Message, StringComparison.Ordinal);
        Assert.Contains("GET sites/{}/lists", retry.Message, StringComparison.Ordinal);
        Assert.Contains("answered 429", retry.Message, StringComparison.Ordinal);
        Assert.Contains("retry 1 in 2000 ms", retry.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.GetStats().Throttled);
    }

    [Fact]
    public async Task RunAsync_ItemThrottledOnEveryAttempt_LogsEachRetryThenGivesUp()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var server = await LocalGraphServer.StartAsync(new LocalGraphServerOptions { Clock = clock });
        var options = new M365Options { Local = true, GraphBaseUrl = server.BaseUrl, SiteUrl = "https://haian.sharepoint.com/sites/x" };
        var connection = GraphClientBuilder.Create(options, new TenantResilience(options, clock));
        var logger = new ListLogger<BatchRunner>();
        var runner = new BatchRunner(connection.Client, clock, maxAttempts: 3, logger);
        server.SetFaults(new EmulatorFaults(ThrottleEvery: 1));
        var site = server.Tenant.WardSiteId;

        var outcomes = await runner.RunAsync([new BatchOperation("only", () => connection.Client.Sites[site].ToGetRequestInformation())],
            CancellationToken.None);

        Assert.Equal(429, outcomes["only"].Status);
        Assert.Equal(["retry 1 in", "retry 2 in"], logger.Entries.Where(e => e.EventId == 5300)
            .Select(e => e.Message[e.Message.IndexOf("retry ", StringComparison.Ordinal)..][..10]));
        Assert.Contains("after 3 attempts", Assert.Single(logger.Entries, e => e.EventId == 5301).Message, StringComparison.Ordinal);
    }
}
