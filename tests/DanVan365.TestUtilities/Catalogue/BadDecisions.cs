namespace DanVan365.TestUtilities.Catalogue;

/// <summary>Decisions with one fault, as Word documents (convert them to PDF with LibreOffice to test where errors point).</summary>
public static class BadDecisions
{
    /// <summary>
    /// Section 1 with twelve Hải An tasks (enough to fill the first page), then section 2 whose task 2.1 has no time
    /// frame, then 2.2 and part II.
    /// </summary>
    public static DecisionDocxBuilder SecondPageRowWithoutTimeFrame()
    {
        var b = new DecisionDocxBuilder()
            .Paragraph("ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN")
            .Paragraph("I. DANH MỤC CÁC NHIỆM VỤ:")
            .BeginTable()
            .Section("1", HaiAnDecision.Sections[0].Title);
        var samples = HaiAnDecision.Entries.Where(e => e.Time is not null && e.Code.Split('.').Length == 2 && e.Footnotes.Length == 0)
            .Take(12).ToList();
        for (var i = 0; i < samples.Count; i++)
        {
            b.Row($"1.{i + 1}", samples[i].Title, samples[i].Lead, samples[i].Coordinating, samples[i].Time!);
        }

        return b.Section("2", HaiAnDecision.Sections[1].Title)
            .Row("2.1", "Nhiệm vụ không ghi thời gian thực hiện.", "Phòng Văn hóa - Xã hội", string.Empty, string.Empty)
            .Row("2.2", samples[0].Title, samples[0].Lead, samples[0].Coordinating, samples[0].Time!)
            .EndTable()
            .Paragraph("II. TỔ CHỨC THỰC HIỆN");
    }
}
