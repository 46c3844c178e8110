using System.IO.Compression;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;

namespace DanVan365.Documents.Tests.Catalogue;

public class DocxDecisionImporterTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();

    [Fact]
    public void Import_HaiAnDocx_EqualsTextImport()
    {
        using var dir = new TempDir();
        var path = dir.File("qd-673.docx");
        DecisionDocxBuilder.HaiAn().Save(path);

        var fromDocx = DecisionImporters.Import(path, Units);
        var fromText = DecisionImporters.Import(TestData.DecisionTextPath, Units);

        Assert.Equal(CatalogueDump.Describe(fromText), CatalogueDump.Describe(fromDocx));
        Assert.IsType<DocxDecisionImporter>(DecisionImporters.ForName(path));
    }

    [Fact]
    public void Import_HaiAnDocx_SubItemsAndHeading()
    {
        using var dir = new TempDir();
        var path = dir.File("qd.docx");
        DecisionDocxBuilder.HaiAn().Save(path);

        var catalogue = new DocxDecisionImporter().ImportFile(path, Units);

        Assert.True(catalogue.Tasks.Single(t => t.Code == "3.5").IsHeading);
        Assert.Equal(["3.5.a", "3.5.b", "3.5.c", "3.5.d"], catalogue.Tasks.Where(t => t.Parent == "3.5").Select(t => t.Code));
        Assert.Equal(["1"], catalogue.Tasks.Single(t => t.Code == "1.1").Footnotes);
    }

    [Fact]
    public void Import_DocxTaskWithoutTimeFrame_NamesTaskAndRow()
    {
        using var dir = new TempDir();
        var path = dir.File("notime.docx");
        new DecisionDocxBuilder()
            .Paragraph("ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN")
            .Paragraph("(Ban hành kèm theo Quyết định số 1/QĐ-UBND ngày 02/01/2026 của Ủy ban nhân dân phường)")
            .BeginTable()
            .Section("1", "CÁC NHIỆM VỤ")
            .Row("1.1", "Một nhiệm vụ", "Phòng Văn hóa - Xã hội", string.Empty, string.Empty)
            .EndTable()
            .Paragraph("II. TỔ CHỨC THỰC HIỆN")
            .Save(path);

        var ex = Assert.Throws<InvalidInputException>(() => new DocxDecisionImporter().ImportFile(path, Units));
        Assert.Contains("task 1.1 has no time frame", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(5, ex.Line);
    }

    [Fact]
    public void Import_DocxWithoutCatalogueTable_SaysNoTable()
    {
        using var dir = new TempDir();
        var path = dir.File("empty.docx");
        new DecisionDocxBuilder().Paragraph("QUYẾT ĐỊNH").Save(path);

        var ex = Assert.Throws<InvalidInputException>(() => new DocxDecisionImporter().ImportFile(path, Units));
        Assert.Contains("no catalogue table", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DocxWithHighRatioEntry_RefusedByTheZipGuardBeforeOpening()
    {
        using var dir = new TempDir();
        var path = dir.File("qd.docx");
        new DecisionDocxBuilder().Paragraph("QUYẾT ĐỊNH").Save(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            using var stream = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                stream.Write(block);
            }
        }

        var ex = Assert.Throws<InvalidInputException>(() => new DocxDecisionImporter().ImportFile(path, Units));
        Assert.Contains("tỷ lệ bất thường", ex.Reason, StringComparison.Ordinal);
    }
}
