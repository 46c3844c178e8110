using DanVan365.Core.Catalogue;
using DanVan365.Core.NextYear;
using DanVan365.Documents.Catalogue;
using DanVan365.Documents.NextYear;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Builders;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.NextYear;

/// <summary>
/// Next year's draft annex read back by the real importer (<see cref="DecisionImporters"/>): the entries it gives are the
/// draft's (codes, titles, lead and coordinating cells, time frames, footnotes), the rounds are next year's.
/// </summary>
public class NextYearDraftWriterTests
{
    private static readonly DateOnly December20 = new(2026, 12, 20);

    // Finished: 1.2, 2.4, 3.5.a, 3.5.b (a heading with two sub-items left), 4.9 and all of section 5; the rest open.
    private static NextYearDraft Draft() => NextYearDraftBuilder.Build(Bundled.Catalogue,
        AssignmentRowsBuilder.HaiAn().Completed(new DateOnly(2026, 2, 10), "1.2", "2.4", "3.5.a", "3.5.b", "4.9", "5.1", "5.2").Build(),
        Bundled.Units, December20);

    private static TaskCatalogue Reimport(byte[] bytes) =>
        DecisionImporters.Import(new MemoryStream(bytes), "du-thao-2027.docx", Bundled.Units);

    private static string Text(DocumentFormat.OpenXml.OpenXmlElement e) => string.Concat(e.Descendants<Text>().Select(t => t.Text));

    [Fact]
    public void Write_BundledDraft_ReimportsWithTheDraftsEntries()
    {
        var draft = Draft();

        var catalogue = Reimport(NextYearDraftWriter.Write(draft));

        Assert.Equal(draft.Rows.Select(r => (r.Code, r.Title, r.Lead, r.Coordinating, r.TimeFrame, string.Join(",", r.Footnotes))),
            catalogue.Tasks.Select(t => (t.Code, t.Title, t.Lead.Text, t.Coordinating.Text, t.TimeFrame?.Text,
                string.Join(",", t.Footnotes))));
        Assert.Equal(draft.Sections, catalogue.Sections);
        Assert.Equal(draft.Footnotes, catalogue.Footnotes);
        Assert.Equal([new DateOnly(2027, 9, 14), new DateOnly(2027, 11, 19)], catalogue.Decision.ReportingRounds.Select(r => r.LastDay));
        Assert.Equal("VHXH", catalogue.Decision.AggregatingUnit);
        Assert.Equal(("673/QĐ-UBND", new DateOnly(2026, 2, 12)), (catalogue.Decision.Number, catalogue.Decision.Date));
    }

    [Fact]
    public void Write_KeptCodes_OnlyNumberingGapWarnings()
    {
        var catalogue = Reimport(NextYearDraftWriter.Write(Draft()));

        Assert.NotEmpty(catalogue.Warnings);
        Assert.All(catalogue.Warnings, w => Assert.StartsWith("Số thứ tự bị bỏ qua", w.Message, StringComparison.Ordinal));
        Assert.Contains(catalogue.Warnings, w => w.Message.Contains("không có 3.5.a, 3.5.b", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_EverythingOpen_ReimportsEveryEntryWithoutWarnings()
    {
        var draft = NextYearDraftBuilder.Build(Bundled.Catalogue, AssignmentRowsBuilder.HaiAn().Build(), Bundled.Units, December20);

        var catalogue = Reimport(NextYearDraftWriter.Write(draft));

        Assert.Equal(Bundled.Catalogue.Tasks.Select(t => t.Code), catalogue.Tasks.Select(t => t.Code));
        Assert.Empty(catalogue.Warnings);
    }

    [Fact]
    public void Write_Rows_ReasonColumnSaysWhyEachRowIsThere()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(NextYearDraftWriter.Write(Draft())), false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .Single(t => t.Elements<TableRow>().First().Elements<TableCell>().Select(c => Text(c))
                .SequenceEqual(NextYearDraftWriter.Headings));
        var rows = table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ToList()).Where(c => c.Count == 6).ToList();
        string Reason(string number, int nth = 0) => string.Join("\n", rows.Where(c => Text(c[0]) == number).ElementAt(nth)[5]
            .Elements<Paragraph>().Select(p => Text(p)));

        Assert.Equal("Thường xuyên", Reason("1.1"));
        Assert.Equal("Lặp lại hằng năm", Reason("2.2"));
        Assert.Equal("Chưa hoàn thành năm 2026 (Đang thực hiện trong hạn)", Reason("2.5"));
        Assert.Equal("Chưa hoàn thành năm 2026 (Đang thực hiện quá hạn)\nNội dung nhiệm vụ có nêu năm 2026: đề nghị rà soát, cập nhật",
            Reason("4.7"));
        Assert.Equal("Chưa hoàn thành năm 2026 (Đang thực hiện trong hạn)\nNội dung nhiệm vụ có nêu năm 2026: đề nghị rà soát, cập nhật",
            Reason("3.1"));
    }

    [Fact]
    public void Write_Draft_MarkedDraftLandscapeTimesNewRomanTitledNextYear()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(NextYearDraftWriter.Write(Draft())), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => Text(p)).ToList();

        Assert.Equal("DỰ THẢO", paragraphs[0]);
        Assert.Contains("Các nhiệm vụ thực hiện công tác dân vận năm 2027 của cơ quan hành chính nhà nước, chính quyền các cấp "
            + "trên địa bàn phường Hải An", paragraphs);
        var size = body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value);
        Assert.All(body.Descendants<Run>().Where(r => r.GetFirstChild<Text>() is not null),
            r => Assert.Equal("Times New Roman", r.RunProperties!.RunFonts!.Ascii!.Value));
        Assert.Equal("Dự thảo danh mục nhiệm vụ công tác dân vận năm 2027", doc.PackageProperties.Title);
    }

    [Fact]
    public void Write_SameDraft_SameBytes()
    {
        Assert.Equal(NextYearDraftWriter.Write(Draft()), NextYearDraftWriter.Write(Draft()));
    }
}
