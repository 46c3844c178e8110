using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>A scanned decision made to agree with itself: a pair of words spelt otherwise than the decision's clear
/// majority takes the majority's tone marks; nothing else changes.</summary>
public class ScanSpellingConsensusTests
{
    [Fact]
    public void Correct_MinoritySpelling_TakesTheMajoritysMarks()
    {
        string[] titles =
        [
            "Phổ biến và triển khai các văn bản", "Ban hành kế hoạch triến khai thực hiện", "Tiếp tục triển khai Chương trình",
        ];

        var changed = ScanSpellingConsensus.Correct(titles);

        Assert.Equal(new Dictionary<int, string> { [1] = "Ban hành kế hoạch triển khai thực hiện" }, changed);
    }

    [Fact]
    public void Correct_CapitalisedAndPunctuatedWord_KeepsCaseAndPunctuation()
    {
        string[] titles = ["Tổ chức thực hiện mô hình", "tổ chức thực hiện công tác", "“Tố chức thực hiện”."];

        var changed = ScanSpellingConsensus.Correct(titles);

        Assert.Equal(2, Assert.Single(changed).Key);
        Assert.Equal("“Tổ chức thực hiện”.", changed[2]);
    }

    [Fact]
    public void Correct_AllCapitals_StaysInCapitals()
    {
        string[] titles = ["dân chủ ở cơ sở", "thực hiện ở cơ sở", "NGAY TỪ CƠ SỐ"];

        Assert.Equal("NGAY TỪ CƠ SỞ", ScanSpellingConsensus.Correct(titles)[2]);
    }

    // One against one is no majority; neither is a spelling seen once (however the others spell it).
    [Theory]
    [InlineData("sửa đổi quy chế", "sửa đối quy chế")]
    [InlineData("chi tiêu nội bộ", "chỉ tiêu nội bộ")]
    public void Correct_NoClearMajority_Unchanged(string a, string b) => Assert.Empty(ScanSpellingConsensus.Correct([a, b]));

    [Fact]
    public void Correct_TwoAgainstTwo_Unchanged() =>
        Assert.Empty(ScanSpellingConsensus.Correct(["chi tiêu", "chi tiêu", "chỉ tiêu", "chỉ tiêu"]));

    [Fact]
    public void Correct_DifferentLetters_NeverMerged()
    {
        string[] titles = ["bảo đảm an ninh", "bảo đảm an ninh", "bảo đám an ninh", "báo cáo kết quả"];

        var changed = ScanSpellingConsensus.Correct(titles);

        Assert.Equal("bảo đảm an ninh", changed[2]);
        Assert.False(changed.ContainsKey(3));
    }

    [Fact]
    public void Correct_NumbersAndCodes_Untouched() =>
        Assert.Empty(ScanSpellingConsensus.Correct(["Nghị quyết số 57-NQ/TW", "Nghị quyết số 57-NQ/TW", "Nghị quyết số 57-NQ/TW"]));
}
