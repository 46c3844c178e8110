using DanVan365.Core.Text;

namespace DanVan365.Core.Tests.Text;

public class XmlSafeTextTests
{
    [Theory]
    [InlineData("Đã\u0001 làm\u0008", "Đã làm")]
    [InlineData("a\uFFFEb\uFFFFc", "abc")]
    [InlineData("tab\tlf\ncr\r", "tab\tlf\ncr\r")]
    [InlineData("emoji 😀 giữ", "emoji 😀 giữ")]
    public void Strip_CharactersXmlCannotStore_Dropped(string text, string expected) =>
        Assert.Equal(expected, XmlSafeText.Strip(text));

    [Fact]
    public void Strip_LoneSurrogates_Dropped()
    {
        var text = "lẻ " + (char)0xD800 + " loi " + (char)0xDC00;
        Assert.Equal("lẻ  loi ", XmlSafeText.Strip(text));
    }

    [Fact]
    public void Strip_Nfd_ReturnsNfc() =>
        Assert.Equal("Hải An", XmlSafeText.Strip("Hải An".Normalize(System.Text.NormalizationForm.FormD)));
}
