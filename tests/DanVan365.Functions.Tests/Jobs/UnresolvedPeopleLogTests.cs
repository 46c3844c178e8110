using System.Text.Json.Nodes;
using DanVan365.Functions.Configuration;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Tests.Support;
using DanVan365.M365.Composition;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;
using Microsoft.Extensions.Logging;

namespace DanVan365.Functions.Tests.Jobs;

/// <summary>People a sync could not resolve are logged by the Functions (issue 25): unit codes and counts, never names or mails.</summary>
public class UnresolvedPeopleLogTests
{
    [Fact]
    public async Task SyncCatalogueAsync_UnitAssigneeNotInDirectory_LogsCountAndUnitWithoutNameOrMail()
    {
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero));
        await TestApp.UploadDecisionAsync(harness);
        var (unitsFile, ghost) = WriteUnitsWithGhostAssignee();
        try
        {
            using var app = new TestApp(harness, extra: new Dictionary<string, string?> { ["Wards:0:UnitsFile"] = unitsFile });
            var logger = new ListLogger<WardJobs>();
            var jobs = new WardJobs(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), harness.Clock, logger);

            var outcome = await jobs.SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);

            Assert.True(outcome.Synced, outcome.SkipReason);
            var entry = Assert.Single(logger.Entries, e => e.EventId == 5400);
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.Contains("1 person(s)", entry.Message, StringComparison.Ordinal);
            Assert.EndsWith("units=" + ghost.Unit, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(ghost.Email, entry.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(ghost.Name, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(logger.Entries, e => e.Message.Contains(ghost.Email, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            File.Delete(unitsFile);
        }
    }

    [Fact]
    public async Task SyncCatalogueAsync_EveryoneResolved_LogsNoUnresolvedPeople()
    {
        await using var harness = await WardHarness.StartAsync(new DateTimeOffset(2026, 9, 10, 1, 0, 0, TimeSpan.Zero));
        await TestApp.UploadDecisionAsync(harness);
        using var app = new TestApp(harness);
        var logger = new ListLogger<WardJobs>();
        var jobs = new WardJobs(app.Get<IWardRegistry>(), app.Get<IWardScopeFactory>(), harness.Clock, logger);

        var outcome = await jobs.SyncCatalogueAsync(TestApp.GoodWard, force: false, CancellationToken.None);

        Assert.True(outcome.Synced);
        Assert.DoesNotContain(logger.Entries, e => e.EventId == 5400);
    }

    /// <summary>The bundled directory with the first assignee of a unit replaced by a person the local directory does not know.</summary>
    private static (string File, (string Unit, string Email, string Name) Ghost) WriteUnitsWithGhostAssignee()
    {
        var source = Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Core", "Defaults", "HaiAn", "units.json");
        var root = JsonNode.Parse(File.ReadAllText(source))!.AsObject();
        // Not the office that publishes decisions (its head uploads the decision).
        var unit = root["units"]!.AsArray().Select(u => u!.AsObject())
            .First(u => u["assignees"] is JsonArray { Count: > 0 } && u["publishesDecisions"] is null);
        var head = unit["assignees"]!.AsArray()[0]!.AsObject();
        var ghost = ((string)unit["code"]!, "ghost.assignee@haian.example.vn", "Người Không Có Thật");
        head["email"] = ghost.Item2;
        head["displayName"] = ghost.Item3;
        // With an object id Planner assigns by it unlooked-up (GraphPeopleDirectory): only a person without one goes unresolved.
        head.Remove("objectId");
        var file = Path.Combine(Path.GetTempPath(), "danvan365-units-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, root.ToJsonString());
        return (file, ghost);
    }
}
