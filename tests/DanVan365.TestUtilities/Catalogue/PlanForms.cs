using DanVan365.TestUtilities.Documents;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>
/// The prose plan fixture (<see cref="TestData.PlanProsePath"/>) in the forms a ward receives it: the text, its .docx (Open XML
/// SDK, <see cref="PlanDocxBuilder"/>) and the PDF LibreOffice exports from that .docx. Built once per test run.
/// </summary>
public static class PlanForms
{
    private static readonly Lazy<byte[]> DocxBytes = new(() => PlanDocxBuilder.FromText(File.ReadAllLines(TestData.PlanProsePath)));
    private static readonly Lazy<byte[]> PdfBytes = new(() => LibreOffice.Convert(Docx, "pdf", "kh-45.docx"));

    /// <summary>The plan as .docx bytes.</summary>
    public static byte[] Docx => DocxBytes.Value;

    /// <summary>The plan as a PDF exported by LibreOffice from <see cref="Docx"/>.</summary>
    public static byte[] Pdf => PdfBytes.Value;
}
