using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>A re-issued decision may skip the numbers of removed tasks: a warning naming them, not an error.</summary>
public class NumberingGapTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();

    [Fact]
    public void Import_TextWithout4Point10_WarnsNamingGapAndKeeps4Point11()
    {
        using var dir = new TempDir();
        var path = dir.Write("qd-ban-hanh-lai.txt", DecisionVariants.WithoutLines(1066, 1082)); // task 4.10 removed

        var catalogue = new TextDecisionImporter().ImportFile(path, Units);

        Assert.DoesNotContain(catalogue.Tasks, t => t.Code == "4.10");
        Assert.Contains(catalogue.Tasks, t => t.Code == "4.11");
        var warning = Assert.Single(catalogue.Warnings);
        Assert.Contains("4.10", warning.Message, StringComparison.Ordinal);
        Assert.Equal(path, warning.File);
        Assert.True(warning.Line > 0);
    }

    [Fact]
    public void Import_DocxSkippingATask_WarnsNamingGap()
    {
        var docx = DecisionForms.Save(DecisionDocxBuilder.HaiAnWithout("2.3"));
        using var stream = new MemoryStream(docx);

        var catalogue = DecisionImporters.Import(stream, "qd.docx", Units);

        Assert.Contains("2.3", Assert.Single(catalogue.Warnings).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(catalogue.Tasks, t => t.Code == "2.3");
    }

    [Fact]
    public void Import_OriginalDecision_NoWarnings()
    {
        Assert.Empty(DecisionImporters.Import(TestData.DecisionTextPath, Units).Warnings);
    }

    [Fact]
    public void Import_TextCutOffAfterAGap_StillAnError()
    {
        using var dir = new TempDir();
        var lines = DecisionVariants.WithoutLines(1066, 1082).Split('\n').Take(1075);
        var path = dir.Write("qd-cut.txt", string.Join('\n', lines));

        var ex = Assert.Throws<InvalidInputException>(() => new TextDecisionImporter().ImportFile(path, Units));

        Assert.Contains("cut off", ex.Reason, StringComparison.Ordinal);
    }
}
