using System.Diagnostics;
using System.Globalization;
using DanVan365.TestUtilities.LocalM365;
using Microsoft.Graph.Models;

namespace DanVan365.Benchmarks;

/// <summary>Requests per second for list item writes and reads through the Graph SDK against an in-memory LocalGraphServer.</summary>
internal static class EmulatorBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        await using var fx = await LocalGraphFixture.StartAsync().ConfigureAwait(false);
        var client = fx.CreateClient(retries: false);
        var site = fx.Tenant.WardSiteId;
        var list = await client.Sites[site].Lists.PostAsync(new List
        {
            DisplayName = "Benchmark",
            Columns = [new ColumnDefinition { Name = "Code", Text = new TextColumn(), Indexed = true },
                new ColumnDefinition { Name = "Percent", Number = new NumberColumn() }],
        }).ConfigureAwait(false);
        var items = client.Sites[site].Lists[list!.Id].Items;

        // Warm-up (JIT, connection pool).
        for (var i = 0; i < 50; i++)
        {
            await items.PostAsync(Item(-i)).ConfigureAwait(false);
        }

        var counter = 0;
        var writes = await MeasureAsync("item writes (POST .../items)", seconds, concurrency, async () =>
        {
            var n = Interlocked.Increment(ref counter);
            await items.PostAsync(Item(n)).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var max = counter;
        var random = new Random(1);
        var reads = await MeasureAsync("item reads (GET .../items/{id}?$expand=fields)", seconds, concurrency, async () =>
        {
            int id;
            lock (random)
            {
                id = random.Next(1, max);
            }

            await items[id.ToString(CultureInfo.InvariantCulture)].GetAsync(rc => rc.QueryParameters.Expand = ["fields"])
                .ConfigureAwait(false);
        }).ConfigureAwait(false);

        var patches = await MeasureAsync("field updates (PATCH .../items/{id}/fields)", seconds, concurrency, async () =>
        {
            int id;
            lock (random)
            {
                id = random.Next(1, max);
            }

            await items[id.ToString(CultureInfo.InvariantCulture)].Fields.PatchAsync(new FieldValueSet
            {
                AdditionalData =
                new Dictionary<string, object> { ["Percent"] = id % 100 }
            }).ConfigureAwait(false);
        }).ConfigureAwait(false);

        // The same read without the SDK: how much of the time is the emulator's.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "bench");
        var prefix = fx.Server.BaseUrl + "/sites/" + Uri.EscapeDataString(site) + "/lists/" + list.Id + "/items/";
        var raw = await MeasureAsync("item reads, plain HttpClient (no SDK)", seconds, concurrency, async () =>
        {
            int id;
            lock (random)
            {
                id = random.Next(1, max);
            }

            using var response = await http.GetAsync(new Uri(prefix + id.ToString(CultureInfo.InvariantCulture) + "?$expand=fields"))
                .ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);

        var stats = fx.Stats;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"emulator: {stats.Requests} requests, {stats.Writes} writes served in total"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"summary: writes {writes:F0} req/s, reads {reads:F0} req/s, updates {patches:F0} req/s, plain-HTTP reads {raw:F0} req/s " +
            $"(concurrency {concurrency})"));
        return 0;
    }

    private static ListItem Item(int n) => new()
    {
        Fields =
            new FieldValueSet
            {
                AdditionalData = new Dictionary<string, object>
                {
                    ["Title"] = "Nhiệm vụ " + n,
                    ["Code"] = "b." + n,
                    ["Percent"] = n % 100
                }
            },
    };

    private static async Task<double> MeasureAsync(string name, double seconds, int concurrency, Func<Task> operation)
    {
        var watch = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        var count = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (watch.Elapsed < limit)
            {
                await operation().ConfigureAwait(false);
                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        var rate = count / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {count} in {watch.Elapsed.TotalSeconds:F2} s = {rate:F0} req/s"));
        return rate;
    }
}
