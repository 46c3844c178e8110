using System.Text;
using DanVan365.Core.Integrity;
using DanVan365.Core.Reporting;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Integrity;

/// <summary>
/// Issue 22: a decision in "Quyết định" is imported only when a publisher (the office that issues the ward's decisions, or
/// the signer) wrote its content; anyone else's is refused with the reason on the file, recorded, and the last accepted
/// decision stays in use. Forgeries are done as a member, through the local Graph's acting-user header.
/// </summary>
public class DecisionPublisherTests
{
    private const string AmendedName = "qd-812-2026-hai-an.txt";

    /// <summary>The bundled decision with 1.2's last day moved (an amendment that would change Phân công).</summary>
    private static async Task<byte[]> AmendedAsync() => Encoding.UTF8.GetBytes((await File.ReadAllTextAsync(TestData.DecisionTextPath))
        .Replace("15/2/2026", "15/5/2026", StringComparison.Ordinal));

    private static async Task<IReadOnlyList<CurrentRow>> AssignmentsAsync(WardHarness ward)
    {
        using var session = ward.NewSession();
        return await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None);
    }

    private static async Task<LibraryFile> DecisionFileAsync(WardHarness ward, string name)
    {
        using var session = ward.NewSession();
        return (await session.Library.ListAsync(SiteSchema.DecisionFolder, CancellationToken.None)).Single(f => f.Name == name);
    }

    [Fact]
    public async Task SyncAsync_DecisionUploadedByAMemberNotAPublisher_RefusedReasonOnFileRecordedPreviousStaysInUse()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse);
        var before = await AssignmentsAsync(ward);
        var content = await AmendedAsync();
        using (var member = ward.NewSessionAs("VHXH"))
        {
            await member.Library.UploadAsync(SiteSchema.DecisionFolder, AmendedName, content, CancellationToken.None);
        }

        using var session = ward.NewSession();
        var intake = session.Get<DecisionIntake>();
        var report = await intake.SyncAsync(force: false, CancellationToken.None);
        var again = await intake.SyncAsync(force: false, CancellationToken.None);

        Assert.Null(report.Sync);
        var refused = Assert.Single(report.Interventions);
        Assert.Equal(InterventionAction.Refused, refused.Action);
        Assert.Equal(ward.PersonOf("VHXH"), refused.By!.UserId);
        Assert.Equal("decision unchanged", again.SkipReason);
        var file = await DecisionFileAsync(ward, AmendedName);
        Assert.StartsWith("Quyết định không được nhập: người tải lên (Phạm Thị Hồng)", file.Fields[LibraryNames.Rejection],
            StringComparison.Ordinal);
        Assert.Equal(WardHarness.DecisionFileName, (await intake.CurrentAsync(CancellationToken.None))!.File.Name);
        var recorded = Assert.Single(await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None));
        Assert.Equal((InterventionAction.Refused, file.Path), (recorded.Intervention.Action, recorded.Intervention.RowKey));
        Assert.Equal(before.Select(r => (r.Key, r.Fields.GetValueOrDefault("LastDay"))),
            (await AssignmentsAsync(ward)).Select(r => (r.Key, r.Fields.GetValueOrDefault("LastDay"))));
        Assert.Equal(content, await session.Library.DownloadAsync(file, DecisionIntake.MaxBytes, CancellationToken.None));
    }

    [Fact]
    public async Task SyncAsync_DecisionUploadedByThePublisher_Imported()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse);
        using (var publisher = ward.NewPublisherSession())
        {
            await publisher.Library.UploadAsync(SiteSchema.DecisionFolder, AmendedName, await AmendedAsync(), CancellationToken.None);
        }

        using var session = ward.NewSession();
        var intake = session.Get<DecisionIntake>();
        var report = await intake.SyncAsync(force: false, CancellationToken.None);

        Assert.True(report.Sync!.Succeeded, string.Join("\n", report.Sync.Failures));
        Assert.Empty(report.Interventions);
        Assert.Equal(AmendedName, (await intake.CurrentAsync(CancellationToken.None))!.File.Name);
        Assert.True(string.IsNullOrEmpty((await DecisionFileAsync(ward, AmendedName)).Fields.GetValueOrDefault(LibraryNames.Rejection)));
        // The app's own column write made the application the file's last modifier; the verdict is the sealed author's.
        Assert.Null((await DecisionFileAsync(ward, AmendedName)).LastModifiedBy!.UserId);
        Assert.Equal("decision unchanged", (await intake.SyncAsync(force: false, CancellationToken.None)).SkipReason);
        Assert.True((await intake.SyncAsync(force: true, CancellationToken.None)).Sync!.Succeeded);
    }

    [Fact]
    public async Task SyncAsync_MemberTypedTheProcessedValueOnTheirDecision_JudgedAnywayRefusedAndBothRecorded()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse);
        using (var member = ward.NewSessionAs("VHXH"))
        {
            var uploaded = await member.Library.UploadAsync(SiteSchema.DecisionFolder, AmendedName, await AmendedAsync(),
                CancellationToken.None);
            // Before this issue, the version in the processed column made the file "unchanged" (and in use, unrefused).
            await member.Library.SetFieldsAsync(uploaded, new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [LibraryNames.IngestedHash] = uploaded.Version,
            }, CancellationToken.None);
        }

        using var session = ward.NewSession();
        var report = await session.Get<DecisionIntake>().SyncAsync(force: false, CancellationToken.None);

        Assert.Null(report.Sync);
        Assert.Equal([InterventionAction.Ignored, InterventionAction.Refused], report.Interventions.Select(i => i.Action));
        Assert.Equal(2, (await session.Get<IInterventionLog>().UnreportedAsync(CancellationToken.None)).Count);
        Assert.Equal(WardHarness.DecisionFileName,
            (await session.Get<DecisionIntake>().CurrentAsync(CancellationToken.None))!.File.Name);
    }
}
