using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>A cell's confidence: its words', capped where OCR cannot tell by sight what was printed.</summary>
public class ScanPieceTests
{
    [Theory]
    [InlineData("khu công nghiệp, khu kinh tế\u2026")]
    [InlineData("Mục lục.... 3")]
    [InlineData("ở cơ sở!.")]
    public void Confidence_EllipsisDotsOrMisreadMark_Capped(string text) =>
        Assert.Equal(ScanPiece.DisagreementConfidence, Title(text, 96).Confidence);

    [Fact]
    public void Confidence_PlainSureText_LowestWord() => Assert.Equal(93, Title("Tổ chức thực hiện.", 93).Confidence);

    [Fact]
    public void Confidence_SecondReadingDiffers_Capped()
    {
        var piece = Title("Tổ chức thực hiện.", 96);
        piece.Second = [new OcrLine("Tố chức thực hiện.", new PixelBox(0, 0, 200, 30), 95)];

        Assert.Equal(ScanPiece.DisagreementConfidence, piece.Confidence);
    }

    private static ScanPiece Title(string text, double confidence)
    {
        var box = new PixelBox(0, 0, 400, 60);
        return new ScanPiece(1, PieceKind.Cell, 0, new GridCell(1, 1, box), box, new GreyPage(400, 60, new byte[400 * 60]))
        {
            Lines = [new OcrLine(text, new PixelBox(0, 0, 200, 30), confidence)],
        };
    }
}
