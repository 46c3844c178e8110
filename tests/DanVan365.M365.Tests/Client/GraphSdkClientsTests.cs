using System.Text.Json;
using DanVan365.M365.Client;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Authentication;

namespace DanVan365.M365.Tests.Client;

public class GraphSdkClientsTests
{
    [Fact]
    public async Task Create_ManyThreadsAtOnce_RequestBodiesStillHaveEachPropertyOnce()
    {
        // Clients made at the same moment (a city's wards, parallel jobs) must leave the SDK's process-wide serializer
        // registries sound: a task create body names each property once (a duplicated "dueDateTime" was seen under load).
        var clients = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() =>
            GraphSdkClients.Create(new HttpClient(), new AnonymousAuthenticationProvider(), "http://127.0.0.1:1/v1.0"))));

        foreach (var client in clients.Take(8))
        {
            var task = new PlannerTask { PlanId = "p", Title = "1.1 Tuyên truyền", DueDateTime = null, StartDateTime = null };
            var request = client.Planner.Tasks.ToPostRequestInformation(task);
            using var reader = new StreamReader(request.Content);
            var json = await reader.ReadToEndAsync();
            using var document = JsonDocument.Parse(json);
            var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
            Assert.Contains("title", names);
        }
    }
}
