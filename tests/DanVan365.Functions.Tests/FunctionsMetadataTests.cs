using System.Text.Json;
using DanVan365.TestUtilities;

namespace DanVan365.Functions.Tests;

public class FunctionsMetadataTests
{
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["SyncCatalogue"] = "timerTrigger",
        ["PullPlannerProgress"] = "timerTrigger",
        ["IngestSubmissions"] = "timerTrigger",
        ["EscalateDeadlines"] = "timerTrigger",
        ["CompileRoundReport"] = "timerTrigger",
        ["CompileRoundReportNow"] = "httpTrigger",
        ["SyncNow"] = "httpTrigger",
        ["WardJobOutcome"] = "httpTrigger",
        ["Status"] = "httpTrigger",
        ["Dashboard"] = "httpTrigger",
        ["MyWork"] = "httpTrigger",
        ["SubmitReport"] = "httpTrigger",
        ["ReturnSubmission"] = "httpTrigger",
        ["DispatchWards"] = "httpTrigger",
        ["RunWardJob"] = "queueTrigger",
        ["ProposeAdjustment"] = "httpTrigger",
        ["ListProposals"] = "httpTrigger",
        ["ReviewProposal"] = "httpTrigger",
        ["DecideProposal"] = "httpTrigger",
        ["CreateRound"] = "httpTrigger",
        ["ListRounds"] = "httpTrigger",
        ["ListScores"] = "httpTrigger",
        ["ProposeScore"] = "httpTrigger",
        ["AppraiseScore"] = "httpTrigger",
        ["ApproveScores"] = "httpTrigger",
    };

    /// <summary>functions.metadata as the Worker SDK wrote it next to the Functions app (same configuration as this test build).</summary>
    private static JsonElement[] ReadMetadata()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Functions", "bin", configuration, "net10.0",
            "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}: build functions/DanVan365.Functions first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger",
            StringComparison.Ordinal));

    [Fact]
    public void Metadata_Build_ListsExactlyTheContractFunctionsWithTheirTriggers()
    {
        var functions = ReadMetadata();

        var actual = functions.ToDictionary(f => f.GetProperty("name").GetString()!, f => Trigger(f).GetProperty("type").GetString()!,
            StringComparer.Ordinal);
        Assert.Equal(Expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }

    [Theory]
    [InlineData("SyncCatalogue", "0 5 * * * *")]
    [InlineData("PullPlannerProgress", "0 */15 * * * *")]
    [InlineData("IngestSubmissions", "0 */10 * * * *")]
    [InlineData("EscalateDeadlines", "0 0 1 * * 1-5")]
    [InlineData("CompileRoundReport", "0 0 0 * * *")]
    public void Metadata_Timer_HasItsSchedule(string name, string schedule)
    {
        var function = ReadMetadata().Single(f => f.GetProperty("name").GetString() == name);

        Assert.Equal(schedule, Trigger(function).GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("SyncNow", "post", "sync")]
    [InlineData("WardJobOutcome", "get", "jobs/{id}")]
    [InlineData("Status", "get", "status")]
    [InlineData("SubmitReport", "post", "submissions")]
    [InlineData("ReturnSubmission", "post", "rounds/{round}/units/{unit}/return")]
    [InlineData("CompileRoundReportNow", "post", "rounds/{round:int}/compile")]
    [InlineData("DispatchWards", "post", "dispatch/{job}")]
    [InlineData("ProposeAdjustment", "post", "proposals")]
    [InlineData("ListProposals", "get", "proposals")]
    [InlineData("ReviewProposal", "post", "proposals/{id}/review")]
    [InlineData("DecideProposal", "post", "proposals/{id}/decision")]
    [InlineData("ListScores", "get", "scores")]
    [InlineData("ProposeScore", "post", "scores/{unit}/proposal")]
    [InlineData("AppraiseScore", "post", "scores/{unit}/appraisal")]
    [InlineData("ApproveScores", "post", "scores/approval")]
    public void Metadata_Http_HasItsMethodAndRoute(string name, string method, string route)
    {
        var trigger = Trigger(ReadMetadata().Single(f => f.GetProperty("name").GetString() == name));

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Metadata_RunWardJob_ReadsTheWardJobsQueueOfAzureWebJobsStorage()
    {
        var trigger = Trigger(ReadMetadata().Single(f => f.GetProperty("name").GetString() == "RunWardJob"));

        Assert.Equal("ward-jobs", trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void HostJson_Queues_PoisonAfterFiveAttempts()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepoRoot, "functions", "DanVan365.Functions",
            "host.json")));

        Assert.Equal(5, host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }
}
