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

    /// <summary>
    /// The appendix plan (<see cref="TestData.PlanAppendixPath"/>) in Word: its prose paragraphs (each line first passed through
    /// <paramref name="edit"/>), then "PHỤ LỤC" and the appendix as a Word table of the decision's tasks 2.1–2.4 numbered 1.1–1.4.
    /// </summary>
    public static byte[] AppendixDocx(Func<string, string>? edit = null)
    {
        var lines = File.ReadAllLines(TestData.PlanAppendixPath).TakeWhile(l => !l.StartsWith("PHỤ LỤC", StringComparison.Ordinal))
            .Select(edit ?? (l => l)).ToList();
        var b = new DecisionDocxBuilder();
        foreach (var paragraph in PlanDocxBuilder.ParagraphsOf(lines))
        {
            b.Paragraph(paragraph);
        }

        b.Paragraph("PHỤ LỤC").Paragraph("DANH MỤC NHIỆM VỤ THỰC HIỆN CHỦ ĐỀ NĂM 2026 CỦA THÀNH PHỐ")
            .Paragraph("(Kèm theo Kế hoạch số 52/KH-UBND ngày 05/3/2026 của Ủy ban nhân dân phường)")
            .BeginTable().Section("1", HaiAnDecision.Sections[1].Title);
        foreach (var e in HaiAnDecision.Entries.Where(e => e.Code is "2.1" or "2.2" or "2.3" or "2.4"))
        {
            b.Row("1." + e.Code[2..], e.Title, e.Lead, e.Coordinating, e.Time ?? string.Empty);
        }

        return DecisionForms.Save(b.EndTable());
    }
}
