using DanVan365.Core.Catalogue;
using DanVan365.Core.Status;
using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.M365;

namespace DanVan365.M365.Tests.Wards;

/// <summary>
/// The use case reads the library's decision in use and the Phân công rows through the ports (the real adapter against the
/// local Microsoft 365) and returns the draft and its document.
/// </summary>
public class WardNextYearTests
{
    [Fact]
    public async Task DraftInUseAsync_TwoTasksCompletedInPhanCong_LeftOutAndTheDocumentReimports()
    {
        await using var ward = await SyncedWard.StartAsync(WardState.DecisionInUse);
        using var session = ward.NewSession();
        var rows = (await session.Lists.ReadAsync(SiteSchema.Assignments, CancellationToken.None))
            .Where(r => AssignmentRow.From(r) is { TaskCode: "1.2" or "2.4" }).ToList();
        var done = new DateOnly(2026, 2, 12);
        var patched = await session.Lists.PatchAsync(SiteSchema.Assignments, [.. rows.Select(r => new RowPatch(r.Key, r.ItemId,
            AssignmentRow.ProgressFields(Completion.CompletePercent, done, StatusCategory.CompletedOnTime)))], CancellationToken.None);
        Assert.True(patched.Succeeded);

        var result = await session.Get<WardNextYear>().DraftInUseAsync(null, CancellationToken.None);

        Assert.Equal(WardHarness.DecisionFileName, result.Source);
        Assert.DoesNotContain(result.Draft.Rows, r => r.Code is "1.2" or "2.4");
        Assert.Equal(Bundled.Catalogue.WorkItems.Count() - 2, result.Draft.WorkItems.Count());
        var recurring = Bundled.Catalogue.WorkItems
            .Where(t => t.TimeFrame!.Kind == TimeFrameKind.Ongoing || TimeFrames.Recurs(t.TimeFrame.Kind));
        Assert.All(recurring, t => Assert.Contains(result.Draft.Rows, r => r.Code == t.Code));
        var reimported = DecisionImporters.Import(new MemoryStream(result.Content), "du-thao.docx", Bundled.Units);
        Assert.Equal(result.Draft.Rows.Select(r => (r.Code, r.TimeFrame)), reimported.Tasks.Select(t => (t.Code, t.TimeFrame?.Text)));
    }

    [Fact]
    public async Task DraftInUseAsync_NoDecisionAndNoFallback_NoDecisionException()
    {
        await using var ward = await WardHarness.StartAsync();
        using var session = ward.NewSession();

        await Assert.ThrowsAsync<NoDecisionException>(() => session.Get<WardNextYear>().DraftInUseAsync(null, CancellationToken.None));
    }
}
