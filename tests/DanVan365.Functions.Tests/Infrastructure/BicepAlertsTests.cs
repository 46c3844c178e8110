using System.Reflection;
using System.Text.Json;
using DanVan365.Functions.Dispatch;
using DanVan365.Functions.Triggers;
using Microsoft.Azure.Functions.Worker;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>
/// The alerts of infra/modules/alerts.bicep (docs/runbooks.md has one runbook each): poison queue, function failures, queue
/// age, idle queue; each enabled, e-mailing the action group, and reading what the code really writes.
/// </summary>
[Collection(BicepSnapshotCollection.Name)]
public class BicepAlertsTests(HaiAnSnapshotFixture haiAn)
{
    private static readonly string[] Watched = ["ward-jobs-poison", "function-failures", "ward-jobs-age", "ward-jobs-idle"];

    [Fact]
    public void Snapshot_Alerts_OneRulePerWatchedThingEachWiredToTheActionGroup()
    {
        var rules = haiAn.Snapshot.Resources("Microsoft.Insights/scheduledQueryRules").ToList();
        var group = Assert.Single(haiAn.Snapshot.Resources("Microsoft.Insights/actionGroups"));
        var groupId = group.GetProperty("id").GetString()!;

        Assert.Equal(Watched.Order(StringComparer.Ordinal),
            rules.Select(r => Watched.Single(w => r.GetProperty("name").GetString()!.EndsWith("-" + w, StringComparison.Ordinal)))
                .Order(StringComparer.Ordinal));
        Assert.All(rules, rule =>
        {
            var properties = rule.GetProperty("properties");
            Assert.True(properties.GetProperty("enabled").GetBoolean());
            var groups = properties.GetProperty("actions").GetProperty("actionGroups").EnumerateArray().Select(g => g.GetString());
            Assert.Equal([groupId], groups);
            Assert.Contains("docs/runbooks.md#", properties.GetProperty("description").GetString()!, StringComparison.Ordinal);
        });
        Assert.Contains(group.GetProperty("properties").GetProperty("emailReceivers").EnumerateArray(),
            r => r.GetProperty("emailAddress").GetString() == "it@contoso.example");
    }

    [Fact]
    public void Snapshot_QueueAgeAlert_ReadsTheWaitRunWardJobLogsAboveThirtyMinutes()
    {
        var criterion = Criterion("ward-jobs-age");
        var query = criterion.GetProperty("query").GetString()!;

        Assert.Contains($"has \"{QueueWait.Marker}\"", query, StringComparison.Ordinal);
        Assert.Contains($"extract(\"{QueueWait.Marker}([0-9]+)s\"", query, StringComparison.Ordinal);
        Assert.Contains("WaitSeconds > 1800", query, StringComparison.Ordinal);
        Assert.Equal("GreaterThan", criterion.GetProperty("operator").GetString());
    }

    [Fact]
    public void Snapshot_IdleAlert_FiresWhenTheQueueFunctionRanNotOnceInThreeHours()
    {
        var criterion = Criterion("ward-jobs-idle");

        Assert.Equal($"AppRequests | where Name == \"{QueueFunctionName()}\"", criterion.GetProperty("query").GetString());
        Assert.Equal("LessThan", criterion.GetProperty("operator").GetString());
        Assert.Equal(1, criterion.GetProperty("threshold").GetInt32());
        Assert.Equal("PT3H", Rule("ward-jobs-idle").GetProperty("properties").GetProperty("windowSize").GetString());
    }

    [Fact]
    public void Snapshot_FailuresAlert_CountsFailedInvocations()
    {
        var criterion = Criterion("function-failures");

        Assert.Equal("AppRequests | where Success == false", criterion.GetProperty("query").GetString());
        Assert.Equal("GreaterThan", criterion.GetProperty("operator").GetString());
        Assert.Equal(0, criterion.GetProperty("threshold").GetInt32());
    }

    /// <summary>The name of the function the ward-jobs queue triggers (its [Function] attribute).</summary>
    private static string QueueFunctionName()
    {
        var method = typeof(RunWardJobFunction).GetMethods()
            .Single(m => m.GetParameters().Any(p => p.GetCustomAttribute<QueueTriggerAttribute>()?.QueueName == QueueNames.WardJobs));
        return method.GetCustomAttribute<FunctionAttribute>()!.Name;
    }

    private JsonElement Rule(string watched) => Assert.Single(haiAn.Snapshot.Resources("Microsoft.Insights/scheduledQueryRules"),
        r => r.GetProperty("name").GetString()!.EndsWith("-" + watched, StringComparison.Ordinal));

    private JsonElement Criterion(string watched) =>
        Assert.Single(Rule(watched).GetProperty("properties").GetProperty("criteria").GetProperty("allOf").EnumerateArray());
}
