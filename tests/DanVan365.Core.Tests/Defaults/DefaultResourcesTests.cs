using DanVan365.Core.Defaults;
using DanVan365.TestUtilities;

namespace DanVan365.Core.Tests.Defaults;

public class DefaultResourcesTests
{
    [Fact]
    public void ReadText_BundledDecision_EqualsSampleFile()
    {
        var embedded = DefaultResources.ReadText("HaiAn/" + DefaultResources.DecisionFileName);
        Assert.Equal(File.ReadAllText(TestData.DecisionTextPath), embedded);
        Assert.Contains("673 /QĐ-UBND", embedded, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => DefaultResources.Open("HaiAn/nope.json"));
    }
}
