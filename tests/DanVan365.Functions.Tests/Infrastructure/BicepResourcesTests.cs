using DanVan365.Functions.Dispatch;

namespace DanVan365.Functions.Tests.Infrastructure;

/// <summary>The Hải An snapshot, shared by the classes that read it (one bicep snapshot run).</summary>
[CollectionDefinition(Name)]
public sealed class BicepSnapshotCollection : ICollectionFixture<HaiAnSnapshotFixture>
{
    public const string Name = "Bicep snapshot";
}

/// <summary>What infra/main.bicep deploys besides the settings: roles, queues, the poison alert, no unused vault.</summary>
[Collection(BicepSnapshotCollection.Name)]
public class BicepResourcesTests(HaiAnSnapshotFixture haiAn)
{
    [Fact]
    public void Snapshot_Queues_AreTheQueuesTheCodeUses()
    {
        var queues = haiAn.Snapshot.Resources("Microsoft.Storage/storageAccounts/queueServices/queues")
            .Select(q => q.GetProperty("name").GetString()!.Split('/')[^1])
            .Order(StringComparer.Ordinal);

        Assert.Equal([QueueNames.WardJobs, QueueNames.WardJobsPoison], queues);
    }

    [Fact]
    public void Snapshot_RoleAssignments_AreScopedToContainersQueuesTheTelemetryComponentOrTheSealKeysVault()
    {
        var scopes = haiAn.Snapshot.Resources("Microsoft.Authorization/roleAssignments")
            .Select(r => r.GetProperty("id").GetString()!)
            .Select(id => id[..id.IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)])
            .ToList();

        Assert.NotEmpty(scopes);
        Assert.All(scopes, scope => Assert.True(
            scope.Contains("/blobServices/default/containers/", StringComparison.Ordinal)
            || scope.Contains("/queueServices/default/queues/", StringComparison.Ordinal)
            || scope.Contains("/Microsoft.Insights/components/", StringComparison.Ordinal)
            || scope.Contains("/Microsoft.KeyVault/vaults/", StringComparison.Ordinal),
            "role assignment wider than a container, a queue, the telemetry component or the seal key's vault: " + scope));
        Assert.Contains(scopes, s => s.EndsWith("/queues/" + QueueNames.WardJobs, StringComparison.Ordinal));
        Assert.Contains(scopes, s => s.EndsWith("/queues/" + QueueNames.WardJobsPoison, StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_PoisonQueue_HasAnAlertThatTellsSomeone()
    {
        var rule = Assert.Single(haiAn.Snapshot.Resources("Microsoft.Insights/scheduledQueryRules"),
            r => r.GetProperty("name").GetString()!.EndsWith("-" + QueueNames.WardJobsPoison, StringComparison.Ordinal));
        var properties = rule.GetProperty("properties");
        var criterion = Assert.Single(properties.GetProperty("criteria").GetProperty("allOf").EnumerateArray());
        var query = criterion.GetProperty("query").GetString()!;

        Assert.Contains("PutMessage", query, StringComparison.Ordinal);
        Assert.Contains("/" + QueueNames.WardJobsPoison, query, StringComparison.Ordinal);
        Assert.True(properties.GetProperty("enabled").GetBoolean());
        Assert.NotEmpty(properties.GetProperty("actions").GetProperty("actionGroups").EnumerateArray());
        var group = Assert.Single(haiAn.Snapshot.Resources("Microsoft.Insights/actionGroups"));
        Assert.Contains(group.GetProperty("properties").GetProperty("emailReceivers").EnumerateArray(),
            r => r.GetProperty("emailAddress").GetString() == "it@contoso.example");

        // The alert reads the queue service's write logs, which a diagnostic setting sends to the workspace.
        var diagnostics = Assert.Single(haiAn.Snapshot.Resources("Microsoft.Insights/diagnosticSettings"));
        Assert.Contains("/queueServices/default/", diagnostics.GetProperty("id").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_KeyVault_OneVaultForTheSealKeyReadOnlyForTheApp()
    {
        // The vault holds only the seal key (created by the administrator, never by the template), so a role on the
        // vault is a role on that key; the app may read secrets (Key Vault Secrets User), not write or delete them.
        Assert.Single(haiAn.Snapshot.Resources("Microsoft.KeyVault/vaults"));
        Assert.Empty(haiAn.Snapshot.Resources("Microsoft.KeyVault/vaults/secrets"));
        var onVault = haiAn.Snapshot.Resources("Microsoft.Authorization/roleAssignments")
            .Where(r => r.GetProperty("id").GetString()!.Contains("/Microsoft.KeyVault/vaults/", StringComparison.Ordinal));
        var role = Assert.Single(onVault).GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
        Assert.EndsWith("/4633458b-17de-408a-b874-0445c86b69e6", role, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_FunctionApp_AllowsCrossOriginCallsOnlyFromTheWardsSharePoint()
    {
        var site = Assert.Single(haiAn.Snapshot.Resources("Microsoft.Web/sites"));
        var origins = site.GetProperty("properties").GetProperty("siteConfig").GetProperty("cors").GetProperty("allowedOrigins")
            .EnumerateArray().Select(o => o.GetString());

        Assert.Equal(["https://contoso.sharepoint.com"], origins);
    }
}
