using System.IO.Compression;
using DanVan365.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Reporting;

/// <summary>Building blocks for ND30-formatted Word documents: fonts on every run, A4 sections, page-number headers, deterministic
/// packages.</summary>
internal static class WordKit
{
    public const string Font = "Times New Roman";

    // A4 portrait and the ND30 margins (top/bottom 20 mm, left 30 mm, right 20 mm).
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int MarginLeft = 1701;
    public const int MarginRight = 1134;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    public const int LandscapeTextWidth = PageHeight - MarginLeft - MarginRight;

    // Body: 14 pt, justified, first-line indent 1 cm, 6 pt before, line 1.2.
    public const int BodySize = 28;
    public const int FirstLineIndent = 567;
    public const int SpacingBefore = 120;
    public const int LineSpacing = 288;

    public const string HeaderFirstId = "rIdHeaderFirst";
    public const string HeaderDefaultId = "rIdHeaderDefault";

    /// <summary>Zip entries' time (DOS epoch): fixed so the same content gives the same bytes.</summary>
    private static readonly DateTimeOffset ZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static RunFonts Fonts() => new() { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };

    public static RunProperties RunProps(int halfPoints, bool bold = false, bool italic = false)
    {
        var props = new RunProperties(Fonts());
        if (bold)
        {
            props.Append(new Bold(), new BoldComplexScript());
        }

        if (italic)
        {
            props.Append(new Italic(), new ItalicComplexScript());
        }

        var size = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);
        props.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size }, new Languages { Val = "vi-VN" });
        return props;
    }

    /// <summary>A run; '\n' becomes a line break.</summary>
    public static Run Run(string text, int halfPoints, bool bold = false, bool italic = false)
    {
        var run = new Run(RunProps(halfPoints, bold, italic));
        var lines = XmlSafeText.Strip(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <summary>A centred (or other) paragraph without indent; spacing in twips.</summary>
    public static Paragraph Para(JustificationValues justification, int before, int after, params Run[] runs)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Before = Twips(before), After = Twips(after), Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = "0", Left = "0", Right = "0" },
            new Justification { Val = justification });
        var p = new Paragraph(props);
        p.Append(runs);
        return p;
    }

    /// <summary>A body paragraph: justified, first-line indent, 6 pt before, line 1.2.</summary>
    public static Paragraph Body(params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines
            {
                Before = Twips(SpacingBefore),
                After = "0",
                Line = Twips(LineSpacing),
                LineRule = LineSpacingRuleValues.Auto
            },
            new Indentation { FirstLine = Twips(FirstLineIndent) },
            new Justification { Val = JustificationValues.Both }));
        p.Append(runs);
        return p;
    }

    /// <summary>A body paragraph of plain 14 pt text.</summary>
    public static Paragraph Body(string text, bool bold = false, bool italic = false) => Body(Run(text, BodySize, bold, italic));

    /// <summary>A short centred solid line: an empty paragraph with a top border, narrowed by indents.</summary>
    public static Paragraph Line(int indent)
    {
        var props = new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { Left = Twips(indent), Right = Twips(indent), FirstLine = "0" },
            new Justification { Val = JustificationValues.Center });
        return new Paragraph(props, new Run(RunProps(8)));
    }

    /// <summary>A table cell with the given paragraphs.</summary>
    public static TableCell Cell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }));
        if (paragraphs.Length == 0)
        {
            paragraphs = [Para(JustificationValues.Left, 0, 0, Run(string.Empty, 24))];
        }

        cell.Append(paragraphs);
        return cell;
    }

    /// <summary>A table with fixed column widths; borders single when <paramref name="bordered"/>, none otherwise.</summary>
    public static Table Table(IReadOnlyList<int> widths, bool bordered)
    {
        BorderType Border<T>()
            where T : BorderType, new() => bordered
            ? new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }
            : new T { Val = BorderValues.Nil };
        var props = new TableProperties(
            new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                Border<TopBorder>(),
                Border<LeftBorder>(),
                Border<BottomBorder>(),
                Border<RightBorder>(),
                Border<InsideHorizontalBorder>(),
                Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa }));
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = Twips(w) }));
        return new Table(props, grid);
    }

    /// <summary>Section properties: A4 portrait or landscape, ND30 margins, headers (page number not on the section's first page when
    /// <paramref name="titlePage"/>).</summary>
    public static SectionProperties Section(bool landscape, bool titlePage, bool nextPage)
    {
        var sect = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = HeaderDefaultId },
            new HeaderReference { Type = HeaderFooterValues.First, Id = HeaderFirstId });
        if (nextPage)
        {
            sect.Append(new SectionType { Val = SectionMarkValues.NextPage });
        }

        sect.Append(
            landscape
                ? new PageSize
                {
                    Width = (UInt32Value)(uint)PageHeight,
                    Height = (UInt32Value)(uint)PageWidth,
                    Orient = PageOrientationValues.Landscape
                }
                : new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
            new PageMargin
            {
                Top = MarginTop,
                Bottom = MarginBottom,
                Left = (UInt32Value)(uint)MarginLeft,
                Right = (UInt32Value)(uint)MarginRight,
                Header = 567,
                Footer = 567,
                Gutter = 0,
            },
            new PageNumberType { Format = NumberFormatValues.Decimal });
        if (titlePage)
        {
            sect.Append(new TitlePage());
        }

        return sect;
    }

    /// <summary>Ends a section: a paragraph carrying the section's properties (for every section but the last).</summary>
    public static Paragraph SectionBreak(SectionProperties section) =>
        new(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, section), new Run(RunProps(BodySize)));

    /// <summary>
    /// Creates a package: styles (Times New Roman in docDefaults and Normal), settings, an empty first-page header and a
    /// default header with a centred PAGE field, fixed core properties; the body is filled by <paramref name="fill"/>.
    /// Returns the bytes with fixed zip entry times.
    /// </summary>
    public static byte[] Build(string title, DateTimeOffset stamp, Action<WordprocessingDocument, Body> fill)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, autoSave: true))
        {
            // Explicit relationship ids everywhere: the SDK would otherwise make random ones.
            var main = doc.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "rId1");
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = Styles();
            var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
            settings.Settings = new Settings(
                new Zoom { Percent = "100" },
                new DefaultTabStop { Val = 720 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }));
            var first = main.AddNewPart<HeaderPart>(HeaderFirstId);
            first.Header = new Header(Para(JustificationValues.Center, 0, 0, Run(string.Empty, BodySize)));
            var header = main.AddNewPart<HeaderPart>(HeaderDefaultId);
            header.Header = new Header(PageNumberParagraph());

            var body = new Body();
            main.Document = new Document(body);
            fill(doc, body);

            // Core properties written by hand (docProps/core.xml); PackageProperties would add a randomly named part.
            var core = doc.AddNewPart<CoreFilePropertiesPart>("rId2");
            using var coreStream = core.GetStream(FileMode.Create, FileAccess.Write);
            using var writer = new StreamWriter(coreStream, new System.Text.UTF8Encoding(false));
            writer.Write(CoreXml(title, stamp));
        }

        return Normalize(stream.ToArray());
    }

    /// <summary>Rewrites the zip with the same entries in the same order and fixed entry times.</summary>
    public static byte[] Normalize(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName,
                StringComparer.Ordinal))
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    private static string CoreXml(string title, DateTimeOffset stamp)
    {
        var time = stamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var escaped = System.Security.SecurityElement.Escape(title);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + $"<dc:title>{escaped}</dc:title><dc:creator>DanVan365</dc:creator><cp:lastModifiedBy>DanVan365</cp:lastModifiedBy>"
            + "<cp:revision>1</cp:revision><dc:language>vi-VN</dc:language>"
            + $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{time}</dcterms:created>"
            + $"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{time}</dcterms:modified>"
            + "</cp:coreProperties>";
    }

    private static string Twips(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Paragraph PageNumberParagraph()
    {
        var p = Para(JustificationValues.Center, 0, 0);
        p.Append(
            new Run(RunProps(BodySize), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(RunProps(BodySize), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(RunProps(BodySize), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(RunProps(BodySize), new Text("2")),
            new Run(RunProps(BodySize), new FieldChar { FieldCharType = FieldCharValues.End }));
        return p;
    }

    private static Styles Styles()
    {
        var docDefaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(),
                new FontSize { Val = "28" },
                new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines
            {
                Before = "0",
                After = "0",
                Line = "240",
                LineRule = LineSpacingRuleValues.Auto
            }),
            new StyleRunProperties(Fonts(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        var table = new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = "TableNormal",
            Default = true,
        };
        return new Styles(docDefaults, normal, table);
    }
}
