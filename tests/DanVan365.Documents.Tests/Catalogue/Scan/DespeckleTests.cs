using DanVan365.Documents.Catalogue.Scan;
using DanVan365.TestUtilities.Documents.Scans;

namespace DanVan365.Documents.Tests.Catalogue.Scan;

/// <summary>Specks become paper; anything the size of a dot or more stays.</summary>
public class DespeckleTests
{
    [Fact]
    public void Clean_SpecksAndADot_SpecksGoneDotAndRulesKept()
    {
        var image = MadeScans.Grid().Fill(700, 700, 2, 2).Fill(720, 700, 3, 3).Fill(760, 700, 5, 5);

        var clean = Despeckle.Clean(new GreyPage(image.Width, image.Height, image.Grey), 128, Despeckle.MaxArea(300));

        Assert.Equal(255, clean[700, 700]);
        Assert.Equal(255, clean[721, 701]);
        Assert.Equal(0, clean[762, 702]);
        Assert.Equal(0, clean[400, MadeScans.RowRules[0] + 1]);
    }
}
