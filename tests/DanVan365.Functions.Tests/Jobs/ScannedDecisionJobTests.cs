using DanVan365.Core.Sync;
using DanVan365.Core.Wards;
using DanVan365.Documents.Catalogue.Json;
using DanVan365.Functions.Jobs;
using DanVan365.Functions.Tests.Support;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.M365;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DanVan365.Functions.Tests.Jobs;

/// <summary>The Functions with a scanned decision in the library: no OCR on the host, the reviewed copy asked for.</summary>
public class ScannedDecisionJobTests
{
    public static TheoryData<string> Scans => ["qd-673-quet.png", "qd-673-quet.TIFF", "qd-673-quet.pdf"];

    [Theory]
    [MemberData(nameof(Scans))]
    public async Task SyncCatalogue_Scan_RejectedOnTheFileAskingForTheReviewedCopy(string name)
    {
        await using var harness = await WardHarness.StartAsync();
        var bytes = name.EndsWith(".pdf", StringComparison.Ordinal) ? ImageOnlyPdf() : [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3];
        await TestApp.UploadDecisionAsync(harness, name, bytes);
        using var app = new TestApp(harness);

        var outcome = await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None);

        Assert.False(outcome.Synced);
        Assert.Equal($"rejected: {name}:0: {OcrFreeDecisionReader.ScanRefusal}", outcome.SkipReason);
        using var session = harness.NewSession();
        var file = Assert.Single(await session.Library.ListAsync(SiteSchema.DecisionFolder, CancellationToken.None));
        Assert.Contains("danvan365 catalogue TỆP --out", file.Fields[DecisionIntake.RejectionColumn], StringComparison.Ordinal);
        Assert.Empty(await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None));
    }

    [Fact]
    public async Task SyncCatalogue_JsonCopyWithUnreviewedCells_RejectedWithTheCellList()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness, "qd-673-ban-sao.json", Json(ScannedCatalogues.HaiAn()));
        using var app = new TestApp(harness);

        var outcome = await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None);

        Assert.False(outcome.Synced);
        Assert.StartsWith("rejected: qd-673-ban-sao.json:0: 3 cell(s) of the scan were read below the confidence threshold 80",
            outcome.SkipReason, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ 2.6, cột Cơ quan chủ trì", outcome.SkipReason, StringComparison.Ordinal);
        using var session = harness.NewSession();
        Assert.Empty(await session.Lists.ReadAsync(SiteSchema.Tasks, CancellationToken.None));
    }

    [Fact]
    public async Task SyncCatalogue_ReviewedJsonCopy_Synced()
    {
        await using var harness = await WardHarness.StartAsync();
        await TestApp.UploadDecisionAsync(harness, "qd-673-ban-sao.json", Json(ScannedCatalogues.Reviewed(ScannedCatalogues.HaiAn())));
        using var app = new TestApp(harness);

        var outcome = await app.Get<IWardJobs>().SyncCatalogueAsync(TestApp.GoodWard, false, CancellationToken.None);

        Assert.True(outcome.Synced);
        Assert.Equal(0, outcome.Failures);
        Assert.Equal("qd-673-ban-sao.json", outcome.DecisionFile);
    }

    [Fact]
    public void ImageOnly_PdfWithText_False()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("QUYET DINH", 12, new UglyToad.PdfPig.Core.PdfPoint(60, 760), font);

        Assert.False(OcrFreeDecisionReader.ImageOnly(builder.Build()));
        Assert.True(OcrFreeDecisionReader.ImageOnly(ImageOnlyPdf()));
        Assert.False(OcrFreeDecisionReader.ImageOnly("không phải PDF"u8.ToArray()));
    }

    private static byte[] Json(Core.Catalogue.RawCatalogue raw) => System.Text.Encoding.UTF8.GetBytes(DecisionJsonCopy.Write(raw));

    // A page with only a drawn rectangle: no text layer, as a scanner's PDF.
    private static byte[] ImageOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new UglyToad.PdfPig.Core.PdfPoint(50, 50), 400, 600);
        return builder.Build();
    }
}
