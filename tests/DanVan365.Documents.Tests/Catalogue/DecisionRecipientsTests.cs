using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Builders;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents;

namespace DanVan365.Documents.Tests.Catalogue;

/// <summary>The decision's "Nơi nhận" block, read from every form the bundled decision comes in.</summary>
public class DecisionRecipientsTests
{
    private static readonly UnitDirectory Units = UnitDirectory.LoadDefault();

    private static TaskCatalogue Import(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return DecisionImporters.Import(stream, name, Units);
    }

    [Fact]
    public void Import_BundledText_ReadsTheRecipientsUpToLuu() =>
        Assert.Equal(ReportCatalogueBuilder.HaiAnRecipients,
            DecisionImporters.Import(TestData.DecisionTextPath, Units).Decision.Recipients);

    [Fact]
    public void Import_Docx_SameRecipientsAsText() =>
        Assert.Equal(ReportCatalogueBuilder.HaiAnRecipients, Import(Docx(), "qd-673.docx").Decision.Recipients);

    [Fact]
    public void Import_RuledPdf_SameRecipientsAsText() =>
        Assert.Equal(ReportCatalogueBuilder.HaiAnRecipients,
            Import(LibreOffice.Convert(Docx(), "pdf", "qd-673.docx"), "qd-673.pdf").Decision.Recipients);

    [Fact]
    public void Import_DocxWithoutTheBlock_NoRecipients() =>
        Assert.Empty(Import(DecisionForms.Docx(FootnoteMarkStyle.Reference), "qd-673.docx").Decision.Recipients);

    private static byte[] Docx() => DecisionForms.Save(DecisionDocxBuilder.HaiAn(recipients: true));

    [Theory]
    [InlineData("Nơi nhận: - Như Điều 3; - Sở Nội vụ; - Lưu: VT, VP. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", new[] { "Như Điều 3", "Sở Nội vụ",
        "Lưu: VT, VP" })]
    [InlineData("Nơi nhận: - Phòng Văn hóa - Xã hội; - Lưu: VT. KT. CHỦ TỊCH", new[] { "Phòng Văn hóa - Xã hội", "Lưu: VT" })]
    [InlineData("QUYẾT ĐỊNH không có nơi nhận", new string[0])]
    public void ReadRecipients_Text_EntriesWithoutDashesUpToLuu(string front, string[] expected) =>
        Assert.Equal(expected, DecisionMetadataReader.ReadRecipients(front));
}
