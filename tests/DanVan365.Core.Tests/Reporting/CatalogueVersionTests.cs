using System.Text;
using DanVan365.Core.Reporting;
using DanVan365.TestUtilities.Builders;

namespace DanVan365.Core.Tests.Reporting;

public class CatalogueVersionTests
{
    [Fact]
    public void Compute_SameContent_SameVersion()
    {
        Assert.Equal(CatalogueVersion.Compute(ReportCatalogueBuilder.Sample()), CatalogueVersion.Compute(ReportCatalogueBuilder.Sample()));
        Assert.Matches("^[0-9a-f]{16}$", CatalogueVersion.Compute(ReportCatalogueBuilder.Sample()));
    }

    [Fact]
    public void Compute_TitleChanged_DifferentVersion()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var tasks = catalogue.Tasks.ToList();
        tasks[0] = tasks[0] with { Title = tasks[0].Title + " " };
        Assert.NotEqual(CatalogueVersion.Compute(catalogue), CatalogueVersion.Compute(catalogue with { Tasks = tasks }));
    }

    [Fact]
    public void Compute_NfdText_SameVersionAsNfc()
    {
        var catalogue = ReportCatalogueBuilder.Sample();
        var nfd =
            catalogue with { Tasks = catalogue.Tasks.Select(t => t with { Title = t.Title.Normalize(NormalizationForm.FormD) }).ToList() };
        Assert.Equal(CatalogueVersion.Compute(catalogue), CatalogueVersion.Compute(nfd));
    }
}
