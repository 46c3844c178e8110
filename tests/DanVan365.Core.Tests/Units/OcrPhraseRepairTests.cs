using DanVan365.Core.Units;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Units;

/// <summary>Lead and coordinating cells OCR misread, mended from the bundled directory's words (or left alone).</summary>
public class OcrPhraseRepairTests
{
    private const string Mttq = "Ủy ban Mặt trận Tổ quốc Việt Nam phường";
    private const string Vhxh = "Phòng Văn hóa - Xã hội";
    private const string Kthtdt = "Phòng Kinh tế, Hạ tầng và Đô thị";

    private static readonly string[] AllUnderWard = ["VP", "VHXH", "KTHTDT", "TTPVHCC", "TTDVSNC", "BQLDA"];

    [Theory]
    [InlineData(Vhxh)]
    [InlineData(Mttq + " chủ trì; " + Vhxh + " phối hợp")]
    [InlineData("Các phòng, đơn vị và ĐVSNCL trực thuộc phường")]
    public void Repair_CellThatResolves_Null(string cell)
    {
        Assert.True(Bundled.Units.CanResolve(cell));

        Assert.Null(OcrPhraseRepair.Repair(Bundled.Units, cell));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Repair_BlankCell_Null(string cell) => Assert.Null(OcrPhraseRepair.Repair(Bundled.Units, cell));

    [Fact]
    public void Repair_LostToneMarks_DirectorySpellingWithSameUnits()
    {
        var mended = AssertMended("Uy ban Mặt trận Tổ quốc Việt Nam phường", Mttq);

        Assert.Equal(Bundled.Units.Resolve(Mttq).Units, Bundled.Units.Resolve(mended).Units);
        Assert.Equal(["MTTQ"], Bundled.Units.Resolve(mended).Units);
    }

    [Fact]
    public void Repair_CellEndingInSemicolon_SemicolonKept()
    {
        var mended = OcrPhraseRepair.Repair(Bundled.Units, "Ban Xây dựng Đảng; Uy ban Mặt trận Tổ quốc Việt Nam phường;");

        Assert.Equal("Ban Xây dựng Đảng; Ủy ban Mặt trận Tổ quốc Việt Nam phường;", mended);
        Assert.Equal(["BXDD", "MTTQ"], Bundled.Units.Resolve(mended!).Units);
    }

    [Fact]
    public void Repair_GluedWordsAndStrayDash_VhxhUnit()
    {
        var mended = AssertMended("Phòng Văn hóaXãhội -", Vhxh);

        Assert.Equal(["VHXH"], Bundled.Units.Resolve(mended).Units);
    }

    [Fact]
    public void Repair_StrayLetterInLongGroupPhrase_GroupUnits()
    {
        var mended = AssertMended("Các phòng, đơn vị và ĐVSNCGL trực thuộc phường", "Các phòng, đơn vị và ĐVSNCL trực thuộc phường");

        Assert.Equal(AllUnderWard, Bundled.Units.Resolve(mended).Units);
    }

    [Fact]
    public void Repair_StrayDotInAbbreviation_PublicServiceUnits()
    {
        var mended = AssertMended("ĐVSNCL. trực thuộc", "ĐVSNCL trực thuộc");

        Assert.Equal(["TTDVSNC", "BQLDA"], Bundled.Units.Resolve(mended).Units);
    }

    [Fact]
    public void Repair_OneOfTwoClausesMisread_OnlyThatClauseRewritten()
    {
        const string Kept = Vhxh + " chủ trì";

        var mended = AssertMended(Kept + "; Uy ban Mặt trận Tổ quốc Việt Nam phường phối hợp", Kept + "; " + Mttq + " phối hợp");

        Assert.Equal(["VHXH", "MTTQ"], Bundled.Units.Resolve(mended).Units);
    }

    [Fact]
    public void Repair_ClauseKeptAsWrittenNotInDirectorySpelling_KeptVerbatim()
    {
        // the first clause resolves through an alias: it is kept as written, not respelt with the unit's name
        const string Kept = "Phòng VHXH chủ trì";
        Assert.True(Bundled.Units.CanResolve(Kept));

        const string Misread = "Phòng Kinh tế, Hạ tầng và Đô thi. phối hợp";
        Assert.False(Bundled.Units.CanResolve(Misread));

        var mended = OcrPhraseRepair.Repair(Bundled.Units, Kept + "; " + Misread);

        Assert.Equal(Kept + "; " + Kthtdt + " phối hợp", mended);
    }

    [Fact]
    public void Repair_RequestGluedToPreviousClause_SplitAtRequestPrefix()
    {
        const string Cell = Vhxh + " tổng hợp, theo dõi chung - đề nghị " + Mttq + " phối hợp thực hiện";

        var mended = AssertMended(Cell, Vhxh + " tổng hợp, theo dõi chung; đề nghị " + Mttq + " phối hợp thực hiện");

        Assert.Equal(["VHXH", "MTTQ"], Bundled.Units.Resolve(mended).Units);
    }

    [Theory]
    [InlineData("Phòng Kinh tế, Hạ tầng và Đô thị s⁄ ỜN")]
    [InlineData("Phòng Kinh tế, Hạ tầng và Đô thị s⁄ ỜN kx")]
    public void Repair_UpToFiveLettersOfTrailingJunk_JunkDropped(string cell)
    {
        var mended = AssertMended(cell, Kthtdt);

        Assert.Equal(["KTHTDT"], Bundled.Units.Resolve(mended).Units);
    }

    [Theory]
    [InlineData("Ban XDĐ kxqwz")]
    [InlineData("Các TDP kxq ỜN")]
    public void Repair_FiveJunkLettersAfterShortName_JunkDropped(string cell)
    {
        AssertMended(cell, cell[..7]);
    }

    [Theory]
    [InlineData("Ban XDĐ kxqwzj")]
    [InlineData("Các TDP kxq ỜN q")]
    public void Repair_SixJunkLettersAfterShortName_Null(string cell)
    {
        Assert.False(Bundled.Units.CanResolve(cell));

        Assert.Null(OcrPhraseRepair.Repair(Bundled.Units, cell));
    }

    [Fact]
    public void Repair_SixJunkLettersBeyondTheNamesEditBudget_Null()
    {
        // a 24-letter name absorbs at most two letters as edits: two plus five of junk is the most a mend drops
        const string Cell = Kthtdt + " kxqwzjvb";
        Assert.False(Bundled.Units.CanResolve(Cell));

        Assert.Null(OcrPhraseRepair.Repair(Bundled.Units, Cell));
    }

    [Fact]
    public void Repair_OneWrongLetterInFourteenLetterName_Mended()
    {
        var mended = AssertMended("Ben Xây dựng Đảng", "Ban Xây dựng Đảng");

        Assert.Equal(["BXDD"], Bundled.Units.Resolve(mended).Units);
    }

    [Fact]
    public void Repair_TwoWrongLettersInFourteenLetterName_Null()
    {
        // one edit per ten letters: "banxaydungdang" allows one
        const string Cell = "Ben Xêy dựng Đảng";
        Assert.False(Bundled.Units.CanResolve(Cell));

        Assert.Null(OcrPhraseRepair.Repair(Bundled.Units, Cell));
    }

    [Theory]
    [InlineData("Năm 2026")]
    [InlineData("Thực hiện nghiêm túc")]
    public void Repair_UnrelatedText_Null(string cell)
    {
        Assert.False(Bundled.Units.CanResolve(cell));

        Assert.Null(OcrPhraseRepair.Repair(Bundled.Units, cell));
    }

    [Fact]
    public void Repair_OneClauseCannotBeMended_WholeCellNull()
    {
        const string Cell = "Uy ban Mặt trận Tổ quốc Việt Nam phường chủ trì; Năm 2026";
        Assert.False(Bundled.Units.CanResolve(Cell));

        Assert.Null(OcrPhraseRepair.Repair(Bundled.Units, Cell));
    }

    [Fact]
    public void Repair_TwoUnitsFitEquallyWell_Null()
    {
        var units = new UnitDirectory([new Unit("T1", "Đội thanh tra số 1", [], UnitKind.Office, null, []),
            new Unit("T2", "Đội thanh tra số 2", [], UnitKind.Office, null, [])]);
        Assert.False(units.CanResolve("Đội thanh tra số 3"));

        Assert.Null(OcrPhraseRepair.Repair(units, "Đội thanh tra số 3"));
        Assert.Equal("Đội thanh tra số 1", OcrPhraseRepair.Repair(units, "Đội thanh trs số 1"));
    }

    [Fact]
    public void Repair_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => OcrPhraseRepair.Repair(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => OcrPhraseRepair.Repair(Bundled.Units, null!));
    }

    [Theory]
    [InlineData("Ủy ban MTTQ", "uybanmttq")]
    [InlineData("Đảng ủy phường", "danguyphuong")]
    [InlineData("Phòng Văn hóa - Xã hội", "phongvanhoaxahoi")]
    [InlineData("ĐVSNCL. trực thuộc; QĐ 673/QĐ-UBND", "dvsncltructhuocqd673qdubnd")]
    [InlineData("s⁄ ỜN", "son")]
    [InlineData("Phòng Văn hoá", "phongvanhoa")]
    [InlineData(" - ; , ", "")]
    public void Loose_Text_LettersAndDigitsLowerCaseWithoutToneMarks(string text, string expected) =>
        Assert.Equal(expected, OcrPhraseRepair.Loose(text));

    [Fact]
    public void Loose_DecomposedInput_SameAsComposed() =>
        Assert.Equal(OcrPhraseRepair.Loose(Mttq), OcrPhraseRepair.Loose(Mttq.Normalize(System.Text.NormalizationForm.FormD)));

    // A name is mended the way the decision's other cells write it, when they do.
    [Fact]
    public void Repair_DecisionWritesTheNameItsWay_MendedToThatSpelling()
    {
        var written = OcrPhraseRepair.WrittenNames(Bundled.Units,
            ["Phòng Văn hóa-Xã hội", "Ban Xây dựng Đảng; Các phòng, đơn vị trực thuộc phường", "Năm 2026"]);

        var mended = OcrPhraseRepair.Repair(Bundled.Units, "Phòng Văn hóaXãhội -", written);

        Assert.Equal("Phòng Văn hóa-Xã hội", mended);
        Assert.Equal(3, written.Count);
    }

    // Two phrases for the same units are two names: one written in the decision never replaces the other.
    [Fact]
    public void Repair_OtherPhraseForTheSameUnitsWritten_KeepsItsOwnName()
    {
        var written = OcrPhraseRepair.WrittenNames(Bundled.Units, ["Các phòng, đơn vị và ĐVSNCL trực thuộc phường"]);

        var mended = OcrPhraseRepair.Repair(Bundled.Units, "Các phòng, đơn vị trực thuộc phường và ĐVSNCGL trực thuộc", written);

        Assert.Equal("Các phòng, đơn vị trực thuộc phường và ĐVSNCL trực thuộc", mended);
    }

    [Fact]
    public void WrittenNames_FirstSpellingWins_OnePerName()
    {
        var written = OcrPhraseRepair.WrittenNames(Bundled.Units, ["Phòng Văn hóa-Xã hội.", "Phòng Văn hóa - Xã hội"]);

        Assert.Equal("Phòng Văn hóa-Xã hội", Assert.Single(written).Value);
    }

    // The cell does not resolve as read, and is mended to the expected text, which resolves.
    private static string AssertMended(string cell, string expected)
    {
        Assert.False(Bundled.Units.CanResolve(cell));

        var mended = OcrPhraseRepair.Repair(Bundled.Units, cell);

        Assert.NotNull(mended);
        Assert.Equal(expected, mended);
        Assert.True(Bundled.Units.CanResolve(mended));
        return mended;
    }
}
