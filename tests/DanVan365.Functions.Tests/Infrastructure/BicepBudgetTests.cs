using System.Globalization;
using System.Text.Json;
using DanVan365.Functions.Configuration;
using DanVan365.M365.Client;
using DanVan365.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>
/// One budget across instances (docs/architecture.md "Resilience"): infra/main.bicep's maximumInstanceCount bounds the
/// scale groups that call Graph (Flex Consumption per-function scaling: the ward-jobs queue function, the HTTP group) and is
/// the only source of each instance's share (M365__InstanceCount) and of the queue trigger's concurrency, so the deployed
/// settings cannot overrun the budget.
/// </summary>
[Collection(BicepSnapshotCollection.Name)]
public class BicepBudgetTests(HaiAnSnapshotFixture haiAn)
{
    /// <summary>A ward's largest run in resource units (escalation, 598 RU: docs/benchmarks.md "City benchmark").</summary>
    private const int LargestWardRunUnits = 598;

    [Fact]
    public void Snapshot_HaiAnParameters_InstanceShareComesFromTheScaleLimit()
    {
        AssertOneBudget(haiAn.Snapshot, maximumInstanceCount: 1, resourceUnitsPerMinute: 1250);
    }

    [Theory]
    [InlineData(3, 1250)]
    [InlineData(10, 6000)]
    [InlineData(20, 1250)]
    public void Snapshot_CityParameters_InstanceShareComesFromTheScaleLimit(int maximumInstanceCount, int resourceUnitsPerMinute)
    {
        var parameters = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.hai-an.bicepparam"))
            .Replace("param maximumInstanceCount = 1", $"param maximumInstanceCount = {maximumInstanceCount}", StringComparison.Ordinal)
            .Replace("param resourceUnitsPerMinute = 1250", $"param resourceUnitsPerMinute = {resourceUnitsPerMinute}",
                StringComparison.Ordinal);

        var run = BicepSnapshot.Run(parameters, BicepSettingsTests.HaiAnEnvironment());

        AssertOneBudget(run.Snapshot ?? throw new Xunit.Sdk.XunitException(run.Output), maximumInstanceCount, resourceUnitsPerMinute);
    }

    [Fact]
    public void Snapshot_ScaleLimitAboveTwenty_IsRefused()
    {
        var parameters = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.hai-an.bicepparam"))
            .Replace("param maximumInstanceCount = 1", "param maximumInstanceCount = 40", StringComparison.Ordinal);

        var folder = Path.Combine(BicepCli.InfraFolder, "out-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "test.bicepparam");
            File.WriteAllText(file, parameters.Replace("using './main.bicep'", "using '../../main.bicep'", StringComparison.Ordinal));

            var (exitCode, output) = BicepCli.Run(["build-params", file, "--stdout"], BicepSettingsTests.HaiAnEnvironment());

            Assert.NotEqual(0, exitCode);
            Assert.Contains("maximum allowable value is 20", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertOneBudget(BicepSnapshot snapshot, int maximumInstanceCount, int resourceUnitsPerMinute)
    {
        // The scale limit of every group (Flex: per function group) is the parameter.
        var site = Assert.Single(snapshot.Resources("Microsoft.Web/sites"));
        var scale = site.GetProperty("properties").GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");
        Assert.Equal(maximumInstanceCount, scale.GetProperty("maximumInstanceCount").GetInt32());
        Assert.False(scale.TryGetProperty("alwaysReady", out var ready) && ready.ValueKind == JsonValueKind.Array
            && ready.GetArrayLength() > 0, "always-ready instances do not count toward the limit: none may be set");

        // The instances that may call Graph at once: the ward-jobs function's and the HTTP group's.
        var settings = snapshot.AppSettings();
        var graphInstances = 2 * maximumInstanceCount;
        Assert.Equal(graphInstances.ToString(CultureInfo.InvariantCulture), settings["M365__InstanceCount"]);
        Assert.Equal(resourceUnitsPerMinute.ToString(CultureInfo.InvariantCulture), settings["M365__ResourceUnitsPerMinute"]);

        // Bound into the options the pacing reads, through the Functions' own start-up.
        using var app = StartedApp.Start(settings);
        var ward = Assert.Single(app.Services.GetRequiredService<IWardRegistry>().All);
        Assert.Equal(graphInstances, ward.Graph.InstanceCount);
        var tenant = app.Services.GetRequiredService<TenantResilienceRegistry>().For(ward.Graph);
        Assert.Equal((double)resourceUnitsPerMinute / graphInstances, tenant.ResourceUnits.Budget, 6);

        // Every instance at its declared share at once spends at most the budget.
        Assert.True(graphInstances * tenant.ResourceUnits.Budget <= resourceUnitsPerMinute + 1e-6);

        // The queue trigger's concurrency per instance: batchSize + newBatchThreshold runs at once, the last served still
        // gets its largest run's resource units within the 10-minute function timeout from the steady 90 % of its share.
        var batchSize = int.Parse(settings["AzureFunctionsJobHost__extensions__queues__batchSize"], CultureInfo.InvariantCulture);
        var threshold = int.Parse(settings["AzureFunctionsJobHost__extensions__queues__newBatchThreshold"], CultureInfo.InvariantCulture);
        var concurrency = batchSize + threshold;
        Assert.InRange(batchSize, 1, 32);
        Assert.InRange(threshold, 0, batchSize);
        var perInstance = (double)resourceUnitsPerMinute / graphInstances;
        Assert.True(concurrency == 1 || concurrency * LargestWardRunUnits <= 0.9 * perInstance * FunctionTimeoutMinutes(),
            $"{concurrency} runs at once need {concurrency * LargestWardRunUnits} RU; " +
            $"the share gives {0.9 * perInstance * 10:0} in the timeout");
    }

    /// <summary>host.json's functionTimeout, in minutes.</summary>
    private static double FunctionTimeoutMinutes()
    {
        var path = Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Functions", "host.json");
        using var host = JsonDocument.Parse(File.ReadAllText(path));
        return TimeSpan.Parse(host.RootElement.GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture).TotalMinutes;
    }
}
