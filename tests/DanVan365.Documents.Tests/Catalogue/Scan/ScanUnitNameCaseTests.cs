using DanVan365.Core.Text;
using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>A unit's name read once with capitals that differ from its small letters only in size is written as the
/// directory (or the decision's cells) write it; a spelling read twice, any other difference, and the letter that starts a
/// clause stay as read.</summary>
public class ScanUnitNameCaseTests
{
    private const string Coordinating =
        "đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và Đảng Ủy Cơ quan Đảng phường phối hợp thực hiện";

    private static readonly Dictionary<string, string> NoneWritten = new(StringComparer.Ordinal);

    [Fact]
    public void Mend_SizeOnlyCapitalsInANameReadOnce_LowersThem()
    {
        var mended = ScanUnitNameCase.Mend(Bundled.Units, ["Văn phòng HĐND và UBND phường", Coordinating], NoneWritten);

        Assert.Equal([null, "đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam phường và Đảng ủy cơ quan Đảng phường phối hợp thực hiện"],
            mended);
    }

    // The decision writes "Ban xây dựng Đảng" in its first cell and "Ban Xây dựng Đảng" in others: read twice, the
    // capital is the decision's own; read once, a misreading.
    [Theory]
    [InlineData(2, null)]
    [InlineData(1, "Văn phòng HĐND và UBND phường; Ban xây dựng Đảng")]
    public void Mend_CapitalsReadOnceOrTwice_LoweredOnlyOnce(int times, string? expected)
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VietnameseText.MatchKey("Ban Xây dựng Đảng")] = "Ban xây dựng Đảng",
        };
        var cells = Enumerable.Repeat("Văn phòng HĐND và UBND phường; Ban Xây dựng Đảng", times).ToArray();

        Assert.All(ScanUnitNameCase.Mend(Bundled.Units, cells, written), mended => Assert.Equal(expected, mended));
    }

    // "Đ" and "D" differ from "đ" and "d" in shape as well as size: OCR does not mistake them, the cell says so.
    [Theory]
    [InlineData("và Đảng ủy cơ quan Đảng phường")]
    [InlineData("và Ban Xây Dựng Đảng")]
    [InlineData("Ban Xây dựng Đảng; Ủy ban Mặt trận Tổ quốc Việt Nam phường")]
    public void Mend_AsWrittenOtherCapitalsOrClauseStart_Null(string cell) =>
        Assert.Null(Assert.Single(ScanUnitNameCase.Mend(Bundled.Units, [cell], NoneWritten)));

    [Fact]
    public void Mend_NameTheDecisionWritesOtherwise_TakesTheDecisionsSpelling()
    {
        var written = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VietnameseText.MatchKey("Đảng ủy cơ quan Đảng phường")] = "Đảng ủy Cơ quan Đảng phường",
        };

        Assert.Equal("và Đảng ủy Cơ quan Đảng phường",
            Assert.Single(ScanUnitNameCase.Mend(Bundled.Units, ["và Đảng Ủy Cơ quan Đảng phường"], written)));
    }
}
