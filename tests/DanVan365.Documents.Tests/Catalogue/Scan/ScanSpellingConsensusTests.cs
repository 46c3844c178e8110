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

    [Fact]
    public void Correct_SizeOnlyLettersReadInCapitals_Lowered()
    {
        string[] titles = ["dân chủ ở cơ sở", "thực hiện tại cơ sở.", "ngay từ CƠ SỞ.", "tại Cơ sở này", "về cơ sở"];

        var changed = ScanSpellingConsensus.Correct(titles);

        Assert.Equal("ngay từ cơ sở.", changed[2]);
        Assert.Equal("tại cơ sở này", changed[3]);
    }

    // A capital that starts a sentence, a letter whose capital has its own shape ("Ủy"), an all-capitals section title and
    // a word the decision writes in capitals as often as not are left as read.
    [Fact]
    public void Correct_CapitalsThatMayBeMeant_Unchanged()
    {
        string[] titles =
        [
            "thực hiện ở cơ sở. Cơ sở báo cáo", "đề nghị Ủy ban và ủy ban", "ở cơ sở", "CÁC NHIỆM VỤ VỀ CƠ SỞ", "Sở và sở", "Sở và sở",
        ];

        var changed = ScanSpellingConsensus.Correct(titles);

        Assert.Empty(changed);
    }
}
