using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>What OCR read is normalised: NFC, eth read for Đ, N with a tilde for N, three full stops as the ellipsis,
/// codes in the TT column, numbers broken by the column.</summary>
public class OcrTextTests
{
    [Theory]
    [InlineData("\u00D0ảng", "Đảng")]
    [InlineData("\u00D0\u0110VSNCL", "ĐVSNCL")]
    [InlineData("\u00D0\u00D0\u0110VSNCL", "ĐVSNCL")]
    [InlineData("\u00F0ơn v\u1ecb", "đơn vị")]
    [InlineData("\u0110\u0110", "ĐĐ")]
    public void Clean_EthConfusions_VietnameseDStroke(string read, string expected) => Assert.Equal(expected, OcrText.Clean(read));

    [Theory]
    [InlineData("82/N\u00D1Q-HĐND", "82/NQ-HĐND")]
    [InlineData("82/\u00D1Q-HĐND", "82/NQ-HĐND")]
    [InlineData("\u00F1hân dân", "nhân dân")]
    [InlineData("n\u00F1hân", "nhân")]
    [InlineData("NN-PTNT", "NN-PTNT")]
    public void Clean_NWithTilde_N(string read, string expected) => Assert.Equal(expected, OcrText.Clean(read));

    [Theory]
    [InlineData("khu kinh tế...", "khu kinh tế\u2026")]
    [InlineData("đơn vị... có", "đơn vị\u2026 có")]
    [InlineData("a.. b", "a.. b")]
    [InlineData("Mục lục....... 3", "Mục lục....... 3")]
    [InlineData("số 82/NQ-HĐND.", "số 82/NQ-HĐND.")]
    public void Clean_ThreeFullStops_Ellipsis(string read, string expected) => Assert.Equal(expected, OcrText.Clean(read));

    [Fact]
    public void Clean_DecomposedText_Nfc()
    {
        var decomposed = "Ủy ban".Normalize(NormalizationForm.FormD);

        var clean = OcrText.Clean(decomposed);

        Assert.True(clean.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Ủy ban", clean);
    }

    [Theory]
    [InlineData("4.1 1", "4.11")]
    [InlineData("1,1", "1.1")]
    [InlineData("C", "c")]
    [InlineData("2", "2")]
    public void Code_TtCell_CodeAsWritten(string read, string expected) => Assert.Equal(expected, OcrText.Code(read));

    [Fact]
    public void Join_DateBrokenAtTheCellsEdge_JoinedWithoutSpace()
    {
        var lines = new[]
        {
            (new OcrLine("Hoàn thành trước 15/02/202", new PixelBox(0, 0, 195, 30), 95), 200),
            (new OcrLine("6", new PixelBox(0, 40, 10, 30), 95), 200),
        };

        Assert.Equal("Hoàn thành trước 15/02/2026", OcrText.Join(lines));
    }

    [Fact]
    public void Join_NumberEndingShortLine_KeepsTheSpace()
    {
        var lines = new[]
        {
            (new OcrLine("giai đoạn 2021", new PixelBox(0, 0, 100, 30), 95), 200),
            (new OcrLine("2030 và", new PixelBox(0, 40, 60, 30), 95), 200),
        };

        Assert.Equal("giai đoạn 2021 2030 và", OcrText.Join(lines));
    }
}
