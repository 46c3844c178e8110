using System.Text;
using DanVan365.Documents.Catalogue.Scan;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>pdftoppm's binary PPM pages are read; anything else is not taken for one.</summary>
public class PpmReaderTests
{
    [Fact]
    public void Read_P6WithComment_Pixels()
    {
        var bytes = Encoding.ASCII.GetBytes("P6\n# pdftoppm\n2 1\n255\n").Concat(new byte[] { 1, 2, 3, 4, 5, 6 }).ToArray();

        var page = PpmReader.Read(bytes);

        Assert.NotNull(page);
        Assert.Equal((2, 1), (page.Width, page.Height));
        Assert.Equal([1, 2, 3, 4, 5, 6], page.Rgb);
    }

    [Theory]
    [InlineData("P5\n2 1\n255\nab")]
    [InlineData("P6\n2 1\n255\nabc")]
    [InlineData("P6\n2 1\n65535\nabcdefabcdef")]
    [InlineData("P6\nx y\n255\n")]
    public void Read_NotAnEightBitP6_Null(string text) => Assert.Null(PpmReader.Read(Encoding.ASCII.GetBytes(text)));
}
