using DanVan365.Core.Catalogue;
using DanVan365.Core.Proposals;
using DanVan365.Documents.Proposals;
using DanVan365.TestUtilities.Builders;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Proposals;

public class AmendmentDraftWriterTests
{
    private const string Signer = "ubnd.pct@haian.example.vn";
    private const string NewWording = "Ban hành kế hoạch thực hiện mô hình “Chính quyền thân thiện” năm 2026 & các năm sau <dự kiến>.";
    private const string NewTask = "Tuyên truyền vận động người dân tham gia chỉnh trang đô thị.";
    private static readonly DateOnly Drafted = new(2026, 4, 1);
    private static readonly TaskCatalogue Catalogue = ReportCatalogueBuilder.Sample();

    private static ProposalAuthority Authority() =>
        new(ReportCatalogueBuilder.SampleUnits(), Catalogue.Decision, new ProposalOptions { SignerEmail = Signer });

    private static Proposal Approved(string id, string unit, string? task, ProposalKind kind, DateOnly? lastDay = null,
        string? text = null) =>
        new(id, unit, task, kind, text, lastDay, "Lý do", "vhxh@haian.example", new DateOnly(2026, 3, 2), ProposalState.Approved)
        {
            DecidedBy = Signer,
            DecidedOn = new DateOnly(2026, 3, 10),
        };

    private static IReadOnlyList<Proposal> Proposals() =>
    [
        Approved("DX-2026-0001", "VHXH", "2.4", ProposalKind.Extend, new DateOnly(2026, 6, 30)),
        Approved("DX-2026-0002", "VHXH", "2.4", ProposalKind.Change, text: NewWording),
        Approved("DX-2026-0003", "VHXH", "3.5.b", ProposalKind.Remove),
        Approved("DX-2026-0004", "KTHTDT", null, ProposalKind.Add, new DateOnly(2026, 9, 30), NewTask),
        Approved("DX-2026-0005", "VP", "1.2", ProposalKind.Extend, new DateOnly(2026, 4, 30)) with { State = ProposalState.Submitted },
        Approved("DX-2026-0006", "VP", "1.2", ProposalKind.Remove) with { ClosedByDecision = "700/QĐ-UBND" },
    ];

    private static byte[] Write(IReadOnlyList<Proposal>? proposals = null, DateOnly? date = null) =>
        AmendmentDraftWriter.Write(AmendmentDraftBuilder.Build(Catalogue, proposals ?? Proposals(), Authority()), date ?? Drafted);

    private static List<TableRow> AnnexRows(WordprocessingDocument doc)
    {
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .Single(t => t.Elements<TableRow>().First().Elements<TableCell>().Select(CellText)
                .SequenceEqual(AmendmentDraftWriter.Headings));
        return [.. table.Elements<TableRow>().Skip(1)];
    }

    private static string CellText(TableCell cell) => string.Join("\n",
        cell.Elements<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));

    private static string ParaText(Paragraph p) => string.Concat(p.Descendants<Text>().Select(t => t.Text));

    private static bool IsStruck(Paragraph p) => p.Descendants<Run>().All(r => r.RunProperties?.Strike is not null);

    private static bool IsMarkedNew(Paragraph p) => p.Descendants<Run>().All(r =>
        r.RunProperties?.Underline?.Val?.Value == UnderlineValues.Single && r.RunProperties.Bold is not null
            && r.RunProperties.Strike is null);

    private static bool IsPlain(Paragraph p) => p.Descendants<Run>().All(r =>
        r.RunProperties?.Strike is null && r.RunProperties?.Underline is null);

    [Fact]
    public void Write_ApprovedProposals_OneRowPerTaskThenNewTasks()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Write()), false);
        var rows = AnnexRows(doc);
        Assert.Equal(["2.4", "3.5.b", "Bổ sung 1"], rows.Select(r => CellText(r.Elements<TableCell>().First())));
    }

    [Fact]
    public void Write_ExtendedAndReworded_OldStruckNewBoldUnderlinedOthersPlain()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Write()), false);
        var cells = AnnexRows(doc)[0].Elements<TableCell>().ToList();
        var task = cells[1].Elements<Paragraph>().ToList();
        Assert.Equal(2, task.Count);
        Assert.Equal(Catalogue.Tasks.Single(t => t.Code == "2.4").Title, ParaText(task[0]));
        Assert.True(IsStruck(task[0]));
        Assert.Equal(NewWording, ParaText(task[1]));
        Assert.True(IsMarkedNew(task[1]));

        var lead = Assert.Single(cells[2].Elements<Paragraph>());
        Assert.Equal("VHXH", ParaText(lead));
        Assert.True(IsPlain(lead));

        var time = cells[4].Elements<Paragraph>().ToList();
        Assert.Equal(["Quý I/2026", "Hoàn thành trước 1/7/2026"], time.Select(ParaText));
        Assert.True(IsStruck(time[0]));
        Assert.True(IsMarkedNew(time[1]));

        Assert.Equal(
            ["Gia hạn đến 30/06/2026 (đề xuất DX-2026-0001 của Phòng Văn hóa - Xã hội)",
                "Sửa nội dung nhiệm vụ (đề xuất DX-2026-0002 của Phòng Văn hóa - Xã hội)"],
            cells[5].Elements<Paragraph>().Select(ParaText));
    }

    [Fact]
    public void Write_RemovedTask_EveryCellStruck()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Write()), false);
        var cells = AnnexRows(doc)[1].Elements<TableCell>().ToList();
        Assert.All(cells.Take(5).SelectMany(c => c.Elements<Paragraph>()).Where(p => ParaText(p).Length > 0),
            p => Assert.True(IsStruck(p)));
        Assert.StartsWith("Xây dựng, sửa đổi, bổ sung Quy chế dân chủ", CellText(cells[1]), StringComparison.Ordinal);
        Assert.Equal("Bãi bỏ nhiệm vụ (đề xuất DX-2026-0003 của Phòng Văn hóa - Xã hội)", CellText(cells[5]));
    }

    [Fact]
    public void Write_NewTask_TextUnitAndTimeMarkedNew()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Write()), false);
        var cells = AnnexRows(doc)[2].Elements<TableCell>().ToList();
        Assert.Equal([NewTask, "Phòng Kinh tế, Hạ tầng và Đô thị", string.Empty, "Hoàn thành trước 1/10/2026"],
            cells.Skip(1).Take(4).Select(CellText));
        Assert.True(IsMarkedNew(cells[1].Elements<Paragraph>().Single()));
        Assert.True(IsMarkedNew(cells[4].Elements<Paragraph>().Single()));
    }

    [Fact]
    public void Write_Document_ReferencesTheAmendedDecisionTimesNewRomanLandscape()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Write()), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var all = string.Join("\n", body.Descendants<Paragraph>().Select(ParaText));
        Assert.Contains("DỰ THẢO", all, StringComparison.Ordinal);
        Assert.Contains("(Điều chỉnh, bổ sung Danh mục ban hành kèm theo Quyết định số 673/QĐ-UBND ngày 12/02/2026 của Ủy ban nhân dân " +
            "phường Hải An)",
            all, StringComparison.Ordinal);
        Assert.All(body.Descendants<Run>(), r => Assert.Equal("Times New Roman", r.RunProperties?.RunFonts?.Ascii?.Value));
        Assert.Equal(PageOrientationValues.Landscape, body.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!.Orient!.Value);
    }

    [Fact]
    public void Write_Document_ValidAgainstTheOpenXmlSchema()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Write()), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: " +
            $"{e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Write_SameInput_SameBytes()
    {
        Assert.Equal(Write(), Write());
        Assert.NotEqual(Write(), Write(date: Drafted.AddDays(1)));
    }

    [Fact]
    public void Write_CharactersXmlCannotStore_DroppedRestKept()
    {
        var text = "Nội\u0001 dung\u000B mới \uFFFF\uD800có ký tự lạ 😀 & <thẻ>";
        var bytes = Write([Approved("DX-2026-0001", "VHXH", null, ProposalKind.Add, text: text)]);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal("Nội dung mới có ký tự lạ 😀 & <thẻ>", CellText(AnnexRows(doc)[0].Elements<TableCell>().ElementAt(1)));
    }

    [Fact]
    public void Write_NoApprovedProposals_HeaderRowOnly()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Write([])), false);
        Assert.Empty(AnnexRows(doc));
    }
}
