using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Core.Tests.Catalogue;

public class ScanReviewGateTests
{
    [Fact]
    public void Check_DigitalDecision_Passes()
    {
        Assert.Empty(ScanReviewGate.Check(Bundled.Catalogue, "qd.txt", acceptOcr: false));
    }

    [Fact]
    public void Check_UnreviewedLowCells_RefusedWithOneVietnameseLinePerCell()
    {
        var raw = ScannedCatalogues.HaiAn();
        var catalogue = CatalogueAssembler.Assemble(raw, Bundled.Units);

        var ex = Assert.Throws<InvalidInputException>(() => ScanReviewGate.Check(catalogue, "qd-quet.pdf", acceptOcr: false));

        var lines = ex.Message.Split('\n');
        Assert.StartsWith("qd-quet.pdf:0: 3 cell(s) of the scan were read below the confidence threshold 80", lines[0],
            StringComparison.Ordinal);
        Assert.Contains("(3 ô của bản quét có độ tin cậy dưới 80 chưa được rà soát", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        var lead = raw.Scan!.Cells.Single(c => c.Row == "2.6" && c.Column == ScannedColumn.Lead);
        Assert.Contains($"Trang {lead.Page}, nhiệm vụ 2.6, cột Cơ quan chủ trì (x {lead.Box.X}, y {lead.Box.Y}): “{lead.Text}” — " +
            "độ tin cậy 61/100", lines, StringComparer.Ordinal);
        Assert.Contains(lines, l => l.Contains("nhiệm vụ 3.5.a, cột Thời gian thực hiện", StringComparison.Ordinal)
            && l.EndsWith("độ tin cậy 55/100", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AcceptOcr_LetsThroughAndReturnsTheUnreviewedCells()
    {
        var raw = ScannedCatalogues.HaiAn();

        var accepted = ScanReviewGate.Check(raw, acceptOcr: true);

        Assert.Equal(3, accepted.Count);
    }

    [Fact]
    public void Check_EveryLowCellReviewed_Passes()
    {
        var raw = ScannedCatalogues.Reviewed(ScannedCatalogues.HaiAn());

        Assert.Empty(ScanReviewGate.Check(raw, acceptOcr: false));
    }

    [Fact]
    public void Describe_SectionRowAndTextOutsideTheTable_NamedAsSuch()
    {
        var section = new ScannedCell(2, "3", ScannedColumn.Title, new PixelBox(330, 900, 2000, 120), "CÁC NHIỆM VỤ", 40.7);
        var outside = new ScannedCell(5, string.Empty, ScannedColumn.Text, new PixelBox(10, 20, 30, 40), "lần 1", 12);

        Assert.Equal("Trang 2, mục 3, cột Nhiệm vụ (x 330, y 900): “CÁC NHIỆM VỤ” — độ tin cậy 40/100", ScanReviewGate.Describe(section));
        Assert.Equal("Trang 5, ngoài bảng, cột Văn bản ngoài bảng (x 10, y 20): “lần 1” — độ tin cậy 12/100",
            ScanReviewGate.Describe(outside));
    }
}
