using System.Net;
using System.Text;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using static DanVan365.LocalM365.Tests.Handlers.SitesAndListsTests;

namespace DanVan365.LocalM365.Tests.Handlers;

public sealed class BatchTests
{
    [Fact]
    public async Task Batch_CollectionOf25Creates_SplitsAndCreatesAll()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var list = (await fx.Client.Sites[site].Lists.PostAsync(NewList("Lô")))!.Id!;
        fx.Server.ResetStats();

        var batch = new BatchRequestContentCollection(fx.Client);
        var ids = new List<string>();
        for (var i = 1; i <= 25; i++)
        {
            var info =
                fx.Client.Sites[site].Lists[list].Items.ToPostRequestInformation(new ListItem { Fields = Fields(("Code", "b." + i)) });
            ids.Add(await batch.AddBatchRequestStepAsync(info));
        }

        var response = await fx.Client.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(25, statuses.Count);
        Assert.All(statuses.Values, s => Assert.Equal(HttpStatusCode.Created, s));
        var item = await response.GetResponseByIdAsync<ListItem>(ids[4]);
        Assert.Equal("b.5", item.Fields!.AdditionalData["Code"]);

        var stats = fx.Stats;
        Assert.Equal(2, stats.Requests);
        Assert.Equal(25, stats.BatchItems);
        Assert.Equal(25, stats.Writes);
    }

    [Fact]
    public async Task Batch_DuplicateUniqueInside_FailsPerItemWith409()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var list = (await fx.Client.Sites[site].Lists.PostAsync(NewList("Lô trùng")))!.Id!;
        var batch = new BatchRequestContentCollection(fx.Client);
        var first =
            await batch.AddBatchRequestStepAsync(fx.Client.Sites[site].Lists[list].Items.ToPostRequestInformation(new ListItem
            {
                Fields =
            Fields(("Code", "x"))
            }));
        var second =
            await batch.AddBatchRequestStepAsync(fx.Client.Sites[site].Lists[list].Items.ToPostRequestInformation(new ListItem
            {
                Fields =
            Fields(("Code", "x"))
            }));
        var response = await fx.Client.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(HttpStatusCode.Created, statuses[first]);
        Assert.Equal(HttpStatusCode.Conflict, statuses[second]);
        await Assert.ThrowsAsync<ServiceException>(() => response.GetResponseByIdAsync<ListItem>(second));
    }

    [Fact]
    public async Task Batch_DependsOnFailedRequest_Returns424()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var site = fx.Tenant.WardSiteId;
        var content = new BatchRequestContentCollection(fx.Client);
        var missing =
            await fx.Client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(
                fx.Client.Sites[site].Lists["khong-co"].ToGetRequestInformation());
        var dependent =
            await fx.Client.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(fx.Client.Sites[site].ToGetRequestInformation());
        content.AddBatchRequestStep(new BatchRequestStep("1", missing));
        content.AddBatchRequestStep(new BatchRequestStep("2", dependent, ["1"]));
        var response = await fx.Client.Batch.PostAsync(content);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(HttpStatusCode.NotFound, statuses["1"]);
        Assert.Equal((HttpStatusCode)424, statuses["2"]);
    }

    [Fact]
    public async Task Batch_MoreThan20Requests_Returns400()
    {
        await using var fx = await LocalGraphFixture.StartAsync();

        // BatchRequestContent refuses a 21st step, so build the envelope by hand and send it through the SDK's adapter.
        var requests = string.Join(',', Enumerable.Range(1,
            21).Select(i => $"{{\"id\":\"{i}\",\"method\":\"GET\",\"url\":\"/sites/root\"}}"));
        var info = new RequestInformation { HttpMethod = Method.POST, URI = new Uri(fx.Server.BaseUrl + "/$batch") };
        info.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"requests\":[" + requests + "]}")), "application/json");
        var errors = new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
        var error = await Assert.ThrowsAsync<ODataError>(() => fx.Client.RequestAdapter.SendNoContentAsync(info, errors));
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Batch_DuplicateIds_Returns400()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        var info = new RequestInformation { HttpMethod = Method.POST, URI = new Uri(fx.Server.BaseUrl + "/$batch") };
        info.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(
            "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/sites/root\"}," +
            "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/sites/root\"}]}")), "application/json");
        var errors = new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
        var error = await Assert.ThrowsAsync<ODataError>(() => fx.Client.RequestAdapter.SendNoContentAsync(info, errors));
        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Batch_WithThrottleFault_Returns429PerItemWithRetryAfter()
    {
        await using var fx = await LocalGraphFixture.StartAsync();
        fx.Server.SetFaults(new EmulatorFaults(ThrottleEvery: 2, RetryAfterSeconds: 3));
        var batch = new BatchRequestContentCollection(fx.Client);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await batch.AddBatchRequestStepAsync(fx.Client.Sites["root"].ToGetRequestInformation()));
        }

        var response = await fx.Client.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.Equal(2, statuses.Values.Count(s => s == HttpStatusCode.TooManyRequests));
        var throttledId = statuses.First(p => p.Value == HttpStatusCode.TooManyRequests).Key;
        using var throttled = await response.GetResponseByIdAsync(throttledId);
        Assert.Equal("3", throttled.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, fx.Stats.Throttled);

        // The SDK can rebuild a batch of the retryable items.
        var retry = batch.NewBatchWithFailedRequests(statuses.Where(p => p.Value == HttpStatusCode.TooManyRequests).ToDictionary(p => p.Key,
            p => p.Value));
        Assert.Equal(2, (await (await fx.Client.Batch.PostAsync(retry)).GetResponsesStatusCodesAsync()).Count);
    }
}
