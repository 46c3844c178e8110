using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>What the scan reader mends outside the unit cells: a time cell with a stray mark, and the signature block
/// under the signature and the stamp (Decree 30's capacity forms, the directory's people); every mend is recorded so the
/// reader flags the line.</summary>
public class ScanMendTests
{
    [Theory]
    [InlineData("Quý I/⁄2026", "Quý I/2026")]
    [InlineData("Tháng 8//2026", "Tháng 8/2026")]
    [InlineData("Quý 1/2026,", "Quý I/2026,")]
    [InlineData("Quý 1V/2026", "Quý IV/2026")]
    [InlineData("Năm 2026 và các năm | tiếp theo", "Năm 2026 và các năm tiếp theo")]
    public void MendTime_StrayMark_Understood(string read, string expected) => Assert.Equal(expected, ScanLayout.MendTime(read));

    [Theory]
    [InlineData("Quý I/2026")]
    [InlineData("Thường xuyên")]
    public void MendTime_Understood_Null(string read) => Assert.Null(ScanLayout.MendTime(read));

    [Theory]
    [InlineData("Quý X/2026")]
    [InlineData("Quý 5/2026")]
    [InlineData("Tháng 13/2026")]
    [InlineData("⁄ $")]
    public void MendTime_NotATimeFrameWithoutMarks_Null(string read) => Assert.Null(ScanLayout.MendTime(read));

    [Fact]
    public void Mend_MisreadSignatureBlock_FormsAndDirectoryPerson()
    {
        var mended = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = Decision("Bùi Quañđ Ngân", ["TM. ỦY BAN NHÂN DÂN", "KT, CHỦ TỊCH", "PHỎ CHỦ TỊCH -"]);

        var decision = ScanMetadataMend.Mend(read, Bundled.Units, mended);

        Assert.Equal("Bùi Quang Ngân", decision.Signer);
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], decision.SignerCapacity);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Bùi Quañđ Ngân"] = "Bùi Quang Ngân",
            ["KT, CHỦ TỊCH"] = "KT. CHỦ TỊCH",
            ["PHỎ CHỦ TỊCH -"] = "PHÓ CHỦ TỊCH",
        }, mended);
    }

    [Fact]
    public void Mend_BlockTakenFromTheWrongLines_KeptAndRecordedAsDoubtful()
    {
        var mended = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = Decision("(Ban hành kèm theo Quyết định số 673/QĐ-UBND", ["TM. ỦY BAN NHÂN DÂN", "DANH MỤC"]);

        var decision = ScanMetadataMend.Mend(read, Bundled.Units, mended);

        Assert.Equal(read.Signer, decision.Signer);
        Assert.Equal(read.SignerCapacity, decision.SignerCapacity);
        Assert.Equal(read.Signer, mended[read.Signer]);
        Assert.Equal("DANH MỤC", mended["DANH MỤC"]);
        Assert.False(mended.ContainsKey("TM. ỦY BAN NHÂN DÂN"));
    }

    [Fact]
    public void Mend_NameTwoLettersOff_NotGuessed()
    {
        var mended = new Dictionary<string, string>(StringComparer.Ordinal);

        var decision = ScanMetadataMend.Mend(Decision("Bùi Quanđ Ngàm", []), Bundled.Units, mended);

        Assert.Equal("Bùi Quanđ Ngàm", decision.Signer);
        Assert.Equal("Bùi Quanđ Ngàm", mended["Bùi Quanđ Ngàm"]);
    }

    [Fact]
    public void Mend_WithoutDirectory_CapacityOnly()
    {
        var mended = new Dictionary<string, string>(StringComparer.Ordinal);

        var decision = ScanMetadataMend.Mend(Decision("Bùi Quañđ Ngân", ["KT, CHỦ TỊCH"]), null, mended);

        Assert.Equal(("Bùi Quañđ Ngân", "KT. CHỦ TỊCH"), (decision.Signer, decision.SignerCapacity[0]));
    }

    private static RawDecision Decision(string signer, IReadOnlyList<string> capacity) =>
        new("673/QĐ-UBND", new DateOnly(2026, 2, 12), "Ủy ban nhân dân phường Hải An", signer, capacity, null, 0, []);
}
