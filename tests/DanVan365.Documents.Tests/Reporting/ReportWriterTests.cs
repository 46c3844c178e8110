using DanVan365.Core.Reporting;
using DanVan365.Documents.Reporting;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Reporting;

public class ReportWriterTests
{
    private static WordInspector Open() => new(ReportSamples.Report);

    [Fact]
    public void Write_Sample_A4PortraitWithNd30Margins()
    {
        using var w = Open();
        var first = w.Sections()[0];
        var size = first.GetFirstChild<PageSize>()!;
        Assert.Equal(11906u, size.Width!.Value);
        Assert.Equal(16838u, size.Height!.Value);
        Assert.Null(size.Orient);
        var m = first.GetFirstChild<PageMargin>()!;
        Assert.InRange(m.Top!.Value, 1134, 1418);
        Assert.InRange(m.Bottom!.Value, 1134, 1418);
        Assert.InRange(m.Left!.Value, 1701u, 1985u);
        Assert.InRange(m.Right!.Value, 850u, 1134u);
    }

    [Fact]
    public void Write_Sample_EveryRunTimesNewRomanEffective()
    {
        using var w = Open();
        var runs = w.Body.Descendants<Run>()
            .Concat(w.Main.HeaderParts.SelectMany(h => h.Header!.Descendants<Run>()))
            .ToList();
        Assert.True(runs.Count > 100);
        Assert.All(runs, r => Assert.Equal(("Times New Roman", "Times New Roman"), w.Fonts(r)));
        Assert.All(runs, r => Assert.NotNull(r.RunProperties?.RunFonts));
    }

    [Fact]
    public void Write_Sample_StylesAndDocDefaultsTimesNewRoman()
    {
        using var w = Open();
        var defaults = w.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal("Times New Roman", defaults.Ascii!.Value);
        Assert.Equal("Times New Roman", defaults.HighAnsi!.Value);
        var normal = w.Styles.Elements<Style>().Single(s => s.StyleId == "Normal").StyleRunProperties!.RunFonts!;
        Assert.Equal("Times New Roman", normal.Ascii!.Value);
        Assert.Equal("Times New Roman", normal.HighAnsi!.Value);
    }

    [Fact]
    public void Write_Sample_PageNumbersCentredInHeaderNotOnFirstPage()
    {
        using var w = Open();
        var first = w.Sections()[0];
        Assert.NotNull(first.GetFirstChild<TitlePage>());
        var refs = first.Elements<HeaderReference>().ToDictionary(r => r.Type!.Value, r => r.Id!.Value!);
        var firstHeader = (DocumentFormat.OpenXml.Packaging.HeaderPart)w.Main.GetPartById(refs[HeaderFooterValues.First]);
        Assert.Equal(string.Empty, WordInspector.Text(firstHeader.Header!));
        Assert.Empty(firstHeader.Header!.Descendants<FieldCode>());
        var defaultHeader = (DocumentFormat.OpenXml.Packaging.HeaderPart)w.Main.GetPartById(refs[HeaderFooterValues.Default]);
        var field = Assert.Single(defaultHeader.Header!.Descendants<FieldCode>());
        Assert.Equal("PAGE", field.Text.Trim());
        var paragraph = field.Ancestors<Paragraph>().Single();
        Assert.Equal(JustificationValues.Center, WordInspector.Justification(paragraph));
        Assert.All(paragraph.Descendants<Run>(), r => Assert.InRange(w.Size(r), 13, 14));
        Assert.Equal(NumberFormatValues.Decimal, first.GetFirstChild<PageNumberType>()?.Format?.Value);
    }

    [Fact]
    public void Write_Sample_HeaderTableAuthorityAndMotto()
    {
        using var w = Open();
        var table = w.Body.Elements<Table>().First();
        Assert.Equal(BorderValues.Nil, table.GetFirstChild<TableProperties>()!.TableBorders!.TopBorder!.Val!.Value);
        var cells = table.Elements<TableRow>().First().Elements<TableCell>().ToList();
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(g => int.Parse(g.Width!.Value!,
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(widths[0] / (double)widths.Sum(), 0.35, 0.45);

        void Check(Paragraph p, string text, double min, double max)
        {
            Assert.Equal(text, WordInspector.Text(p));
            Assert.All(WordInspector.TextRuns(p), r =>
            {
                Assert.True(w.Bold(r));
                Assert.InRange(w.Size(r), min, max);
            });
        }

        var left = cells[0].Elements<Paragraph>().ToList();
        Check(left[0], "ỦY BAN NHÂN DÂN", 12, 13);
        Check(left[1], "PHƯỜNG HẢI AN", 12, 13);
        Assert.NotNull(left[2].ParagraphProperties!.ParagraphBorders!.TopBorder);
        var right = cells[1].Elements<Paragraph>().ToList();
        Check(right[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, 13);
        Check(right[1], "Độc lập - Tự do - Hạnh phúc", 13, 14);
        Assert.Equal(BorderValues.Single, right[2].ParagraphProperties!.ParagraphBorders!.TopBorder!.Val!.Value);
    }

    [Fact]
    public void Write_Sample_NumberLineAndItalicPlaceDate()
    {
        using var w = Open();
        var number = w.Find("Số:      /BC-UBND");
        Assert.Equal(JustificationValues.Center, WordInspector.Justification(number));
        Assert.All(WordInspector.TextRuns(number), r => { Assert.False(w.Italic(r)); Assert.Equal(13, w.Size(r)); });
        var date = w.Find("Hải An, ngày 05 tháng 9 năm 2026");
        Assert.All(WordInspector.TextRuns(date), r => { Assert.True(w.Italic(r)); Assert.InRange(w.Size(r), 13, 14); });
    }

    [Fact]
    public void Write_Sample_TitleAndSubjectBoldCentred14()
    {
        using var w = Open();
        var report = ReportSamples.Compile();
        foreach (var text in new[] { "BÁO CÁO", report.Subject })
        {
            var p = w.Find(text);
            Assert.Equal(JustificationValues.Center, WordInspector.Justification(p));
            Assert.All(WordInspector.TextRuns(p), r => { Assert.True(w.Bold(r)); Assert.Equal(14, w.Size(r)); });
        }

        Assert.StartsWith("Kết quả thực hiện nhiệm vụ công tác dân vận năm 2026", report.Subject, StringComparison.Ordinal);
        Assert.EndsWith("(lần 1)", report.Subject, StringComparison.Ordinal);
        var subject = w.Find(report.Subject);
        var line = (Paragraph)subject.NextSibling()!;
        Assert.NotNull(line.ParagraphProperties!.ParagraphBorders!.TopBorder);
    }

    [Fact]
    public void Write_Sample_BodyJustifiedIndentSpacingAndSize()
    {
        using var w = Open();
        var body = w.Body.Elements<Paragraph>().Where(p => WordInspector.Justification(p) == JustificationValues.Both).ToList();
        Assert.True(body.Count > 40);
        Assert.All(body, p =>
        {
            var props = p.ParagraphProperties!;
            Assert.Contains(props.Indentation!.FirstLine!.Value, new[] { "567", "720" });
            var spacing = props.SpacingBetweenLines!;
            Assert.True(int.Parse(spacing.Before?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 120
                || int.Parse(spacing.After?.Value ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 120);
            Assert.InRange(int.Parse(spacing.Line!.Value!, System.Globalization.CultureInfo.InvariantCulture), 240, 360);
            Assert.Equal(LineSpacingRuleValues.Auto, spacing.LineRule!.Value);
            Assert.All(WordInspector.TextRuns(p), r => Assert.InRange(w.Size(r), 13, 14));
        });
        var texts = body.Select(WordInspector.Text).ToList();
        Assert.All(texts.Where(t => !t.StartsWith("- ", StringComparison.Ordinal) && !t.StartsWith("Kết quả",
            StringComparison.Ordinal) && t.Length > 0), t => Assert.DoesNotContain("\n", t, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")]
    [InlineData("II. ĐÁNH GIÁ CHUNG")]
    [InlineData("III. TỒN TẠI, HẠN CHẾ, KHÓ KHĂN, VƯỚNG MẮC")]
    [InlineData("IV. ĐỀ XUẤT, KIẾN NGHỊ")]
    public void Write_Sample_PartHeadingsUpperCaseBold(string heading)
    {
        using var w = Open();
        var p = w.Find(heading);
        Assert.Equal(heading.ToUpperInvariant(), heading);
        Assert.All(WordInspector.TextRuns(p), r => Assert.True(w.Bold(r)));
    }

    [Fact]
    public void Write_Sample_FiguresNameMissingUnitsAndRate()
    {
        using var w = Open();
        var text = w.AllText();
        Assert.Contains("Tổng số nhiệm vụ: 9", text, StringComparison.Ordinal);
        Assert.Contains("Hoàn thành đúng hạn: ", text, StringComparison.Ordinal);
        Assert.Contains("3. Số đơn vị phải báo cáo: 4; đã báo cáo: 3; chưa báo cáo: 1 đơn vị, gồm: Trung tâm dịch vụ sự nghiệp công.", text,
            StringComparison.Ordinal);
        Assert.Contains("4. Số cơ quan, tổ chức phối hợp được đề nghị báo cáo: 2; đã gửi báo cáo: 1, gồm: Ban Xây dựng Đảng.", text,
            StringComparison.Ordinal);
        Assert.Matches(@"đạt \d+(,\d)?%", text);
    }

    [Fact]
    public void Write_Sample_EveryTaskCodeAndEverySubmittedResultAppear()
    {
        using var w = Open();
        var text = w.AllText();
        foreach (var task in ReportSamples.Catalogue.Tasks)
        {
            Assert.Contains(task.Code + ". ", text, StringComparison.Ordinal);
            Assert.Contains(w.Body.Descendants<TableCell>(), c => WordInspector.Text(c) == task.Code);
        }

        foreach (var row in ReportSamples.Submissions.SelectMany(s => s.Rows))
        {
            foreach (var line in row.Result.Split('\n'))
            {
                Assert.Contains(line, text, StringComparison.Ordinal);
            }

            foreach (var extra in new[] { row.Difficulties, row.Proposals }.Where(t => t.Length > 0))
            {
                Assert.Contains(extra.TrimEnd('.'), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Write_Sample_LeadResultBeforeCoordinatingResults()
    {
        using var w = Open();
        var text = w.AllText();
        var lead = text.IndexOf("VHXH đã triển khai nhiệm vụ 2.3", StringComparison.Ordinal);
        var coordinating = text.IndexOf("VP đã triển khai nhiệm vụ 2.3", StringComparison.Ordinal);
        Assert.True(lead >= 0 && coordinating > lead);
    }

    [Fact]
    public void Write_Sample_ClosingRecipientsAndSignature()
    {
        using var w = Open();
        var heading = w.Find("Nơi nhận:");
        Assert.All(WordInspector.TextRuns(heading),
            r => { Assert.True(w.Bold(r)); Assert.True(w.Italic(r)); Assert.Equal(12, w.Size(r)); });
        Assert.Equal(JustificationValues.Left, WordInspector.Justification(heading));
        var cell = heading.Ancestors<TableCell>().Single();
        var recipients = cell.Elements<Paragraph>().Skip(1).ToList();
        Assert.True(recipients.Count >= 2);
        Assert.All(recipients, p =>
        {
            Assert.StartsWith("- ", WordInspector.Text(p), StringComparison.Ordinal);
            Assert.All(WordInspector.TextRuns(p), r => Assert.Equal(11, w.Size(r)));
        });
        Assert.All(recipients.SkipLast(1), p => Assert.EndsWith(";", WordInspector.Text(p), StringComparison.Ordinal));
        Assert.Equal("- Lưu: VT, VHXH.", WordInspector.Text(recipients[^1]));

        var signature = cell.Parent!.Elements<TableCell>().Last().Elements<Paragraph>().ToList();
        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Bùi Quang Ngân"], signature.Select(WordInspector.Text));
        Assert.All(signature, p => Assert.All(WordInspector.TextRuns(p),
            r => { Assert.True(w.Bold(r)); Assert.InRange(w.Size(r), 13, 14); }));
    }

    [Fact]
    public void Write_Sample_AppendixLandscapeTitleAndRows()
    {
        using var w = Open();
        var sections = w.Sections();
        Assert.Equal(2, sections.Count);
        var size = sections[1].GetFirstChild<PageSize>()!;
        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.Equal(16838u, size.Width!.Value);

        var title = w.Find("Phụ lục I");
        Assert.Equal(JustificationValues.Center, WordInspector.Justification(title));
        Assert.All(WordInspector.TextRuns(title), r => { Assert.True(w.Bold(r)); Assert.Equal(14, w.Size(r)); });
        var heading = (Paragraph)title.NextSibling()!;
        Assert.Equal(WordInspector.Text(heading).ToUpperInvariant(), WordInspector.Text(heading));
        Assert.All(WordInspector.TextRuns(heading), r => Assert.True(w.Bold(r)));
        var italic = w.Find("(Kèm theo Báo cáo số     /BC-UBND ngày … tháng … năm … của Ủy ban nhân dân phường Hải An)");
        Assert.Equal(JustificationValues.Center, WordInspector.Justification(italic));
        Assert.All(WordInspector.TextRuns(italic), r => Assert.True(w.Italic(r)));
        Assert.Contains("Phụ lục I", w.AllText().Split("Phụ lục I")[0] + "Phụ lục I", StringComparison.Ordinal);
        Assert.Contains("chi tiết tại Phụ lục I", w.AllText(), StringComparison.Ordinal);

        var table = w.Body.Elements<Table>().Last();
        Assert.Equal(ReportSamples.Catalogue.Tasks.Count + 1, table.Elements<TableRow>().Count());
        var row = table.Elements<TableRow>().Single(r => WordInspector.Text(r.Elements<TableCell>().First()) == "3.5.b");
        Assert.Equal(["3.5.b", ReportSamples.Catalogue.Tasks.Single(t => t.Code == "3.5.b").Title, "Phòng Văn hóa - Xã hội", "27/02/2026",
            "Hoàn thành quá hạn", "Có"],
            row.Elements<TableCell>().Select(WordInspector.Text));
    }

    [Fact]
    public void Write_SameInputs_ByteIdentical()
    {
        var a = ReportWriter.Write(ReportSamples.Compile());
        var b = ReportWriter.Write(ReportSamples.Compile());
        Assert.Equal(a, b);
        Assert.Equal(a, ReportSamples.Report);
    }

    [Fact]
    public void Write_OtherDate_DifferentBytesAndDate()
    {
        var bytes = ReportWriter.Write(ReportSamples.Compile(new DateOnly(2026, 2, 3)));
        Assert.NotEqual(ReportSamples.Report, bytes);
        using var w = new WordInspector(bytes);
        Assert.Contains("Hải An, ngày 03 tháng 02 năm 2026", w.AllText(), StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 2, 2, 17, 0, 0, DateTimeKind.Utc), w.Document.PackageProperties.Created!.Value.ToUniversalTime());
    }

    [Fact]
    public void Write_OtherWard_NamesFromParameter()
    {
        var ward = new WardIdentity("xã", "Kiến Thụy", "Kiến Thụy", "VHXH");
        using var w = new WordInspector(ReportWriter.Write(ReportSamples.Compile(ward: ward)));
        var text = w.AllText();
        Assert.Contains("XÃ KIẾN THỤY", text, StringComparison.Ordinal);
        Assert.Contains("Kiến Thụy, ngày 05 tháng 9 năm 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hải An", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Sample_PackageValidatesWithoutErrors()
    {
        using var w = Open();
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019)
            .Validate(w.Document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }
}
