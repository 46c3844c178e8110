using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>How a footnote mark is written in Word.</summary>
public enum FootnoteMarkStyle
{
    /// <summary>A real footnote reference; the text is in the footnotes part (what Word writes).</summary>
    Reference,

    /// <summary>A digit run with vertAlign=superscript; the text is a paragraph after the table starting with the mark.</summary>
    Superscript,

    /// <summary>A digit run raised by w:position with a smaller w:sz (what LibreOffice writes); text as for Superscript.</summary>
    RaisedSmaller,
}

/// <summary>
/// The table's look: column widths (twentieths of a point), whether cells have ruled borders, and whether the header
/// cells are vertically centred (a wrapped header cell then runs above and below its neighbours).
/// </summary>
public sealed record DecisionTableLayout(int[] ColumnWidths, bool Ruled, bool CentredHeader = false)
{
    /// <summary>The table's font (null: the writer's default) and sizes in half-points (0: the default); the header in bold.</summary>
    public (string? Font, int HeaderSize, int BodySize) Type { get; init; }

    public static DecisionTableLayout Standard { get; } = new([600, 4200, 1800, 1800, 1400], Ruled: true);

    /// <summary>Narrow title column, wide unit columns, no ruled lines.</summary>
    public static DecisionTableLayout Unruled { get; } = new([700, 3300, 2300, 2200, 1500], Ruled: false);

    /// <summary>Wide title and time-frame columns, ruled.</summary>
    public static DecisionTableLayout WideTitle { get; } = new([800, 4400, 1800, 1800, 1600], Ruled: true);

    /// <summary>A time-frame column so narrow that "Thời gian thực hiện" wraps over three lines, vertically centred; ruled.</summary>
    public static DecisionTableLayout NarrowTime { get; } = new([700, 3800, 2000, 1940, 1360], Ruled: true, CentredHeader: true)
    {
        Type = ("Times New Roman", 28, 22),
    };

    /// <summary>Even unit and time columns, ruled (the corpus writes its footnote marks as superscript glyphs).</summary>
    public static DecisionTableLayout Even { get; } = new([800, 3400, 2050, 2050, 1600], Ruled: true);

    /// <summary>A narrow time-frame column whose header wraps over three lines, header cells centred vertically (default font).</summary>
    public static DecisionTableLayout WrappedHeader { get; } = new([600, 3700, 2100, 2300, 1400], Ruled: true, CentredHeader: true);
}

/// <summary>
/// Builds a decision as a real Word document with the Open XML SDK, from data the test writes: paragraphs, then the
/// catalogue table (header row, section rows spanning the table via gridSpan, task and sub-item rows, real footnotes),
/// then more paragraphs. A "^" in a title marks where a footnote reference goes (default: end of the title).
/// </summary>
public sealed class DecisionDocxBuilder
{
    private static readonly string[] Header = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
    private readonly List<OpenXmlElement> _blocks = [];
    private readonly List<string> _footnotes = [];
    private Table? _table;
    private DecisionTableLayout _layout = DecisionTableLayout.Standard;
    private FootnoteMarkStyle _markStyle = FootnoteMarkStyle.Reference;

    /// <summary>Sets the table layout (before <see cref="BeginTable"/>).</summary>
    public DecisionDocxBuilder WithLayout(DecisionTableLayout layout)
    {
        _layout = layout;
        return this;
    }

    /// <summary>Sets how footnote marks are written (before the rows).</summary>
    public DecisionDocxBuilder WithFootnoteMarks(FootnoteMarkStyle style)
    {
        _markStyle = style;
        return this;
    }

    public DecisionDocxBuilder Paragraph(string text)
    {
        _blocks.Add(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
        return this;
    }

    public DecisionDocxBuilder BeginTable()
    {
        var line = _layout.Ruled ? BorderValues.Single : BorderValues.None;
        _table = new Table(
            new TableProperties(
                new TableWidth
                {
                    Type = TableWidthUnitValues.Dxa,
                    Width = _layout.ColumnWidths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture)
                },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(
                    new TopBorder { Val = line, Size = 4 },
                    new LeftBorder { Val = line, Size = 4 },
                    new BottomBorder { Val = line, Size = 4 },
                    new RightBorder { Val = line, Size = 4 },
                    new InsideHorizontalBorder { Val = line, Size = 4 },
                    new InsideVerticalBorder { Val = line, Size = 4 })),
            new TableGrid(_layout.ColumnWidths.Select(w
                => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        _blocks.Add(_table);
        return HeaderRow();
    }

    /// <summary>A header row (Word repeats it on each page; a document may also carry explicit repeats).</summary>
    public DecisionDocxBuilder HeaderRow()
    {
        var row = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var h in Header)
        {
            var cell = new TableCell(new Paragraph(CellRun(h, header: true)));
            if (_layout.CentredHeader)
            {
                cell.PrependChild(new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }));
            }

            row.Append(cell);
        }

        Table.Append(row);
        return this;
    }

    public DecisionDocxBuilder Section(string code, string title)
    {
        var titleCell = BodyCell(title);
        titleCell.PrependChild(new TableCellProperties(new GridSpan { Val = 4 }));
        Table.Append(new TableRow(BodyCell(code), titleCell));
        return this;
    }

    /// <summary>A task or sub-item row; <paramref name="coordinating"/> is written one paragraph per ";"-clause, as units often type
    /// it.</summary>
    public DecisionDocxBuilder Row(string code, string title, string lead, string coordinating, string time, string? footnote = null)
    {
        var titleCell = new TableCell();
        var paragraph = new Paragraph();
        if (footnote is null)
        {
            paragraph.Append(CellRun(title.Replace("^", string.Empty, StringComparison.Ordinal)));
        }
        else
        {
            _footnotes.Add(footnote);
            var at = title.IndexOf('^', StringComparison.Ordinal);
            var (head, tail) = at < 0 ? (title, string.Empty) : (title[..at], title[(at + 1)..]);
            paragraph.Append(CellRun(head));
            paragraph.Append(Typed(MarkRun(_footnotes.Count), header: false));
            if (tail.Length > 0)
            {
                paragraph.Append(CellRun(tail));
            }
        }

        titleCell.Append(paragraph);
        var coordinatingCell = new TableCell();
        var clauses = coordinating.Split("; ", StringSplitOptions.None);
        for (var i = 0; i < clauses.Length; i++)
        {
            coordinatingCell.Append(new Paragraph(CellRun(i < clauses.Length - 1 ? clauses[i] + ";" : clauses[i])));
        }

        Table.Append(new TableRow(BodyCell(code), titleCell, BodyCell(lead), coordinatingCell, BodyCell(time)));
        return this;
    }

    public DecisionDocxBuilder EndTable()
    {
        _table = null;
        return this;
    }

    public void Save(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        main.Document = new Document(new Body(_blocks.Select(b => b.CloneNode(true))));
        if (_markStyle != FootnoteMarkStyle.Reference)
        {
            // Hand-made footnotes: the texts follow the document, each starting with its raised mark.
            for (var i = 0; i < _footnotes.Count; i++)
            {
                main.Document.Body!.Append(new Paragraph(MarkRun(i + 1), TextRun(" " + _footnotes[i])));
            }
        }
        else if (_footnotes.Count > 0)
        {
            var part = main.AddNewPart<FootnotesPart>();
            var footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark())))
                {
                    Type = FootnoteEndnoteValues.ContinuationSeparator,
                    Id = 0
                });
            for (var i = 0; i < _footnotes.Count; i++)
            {
                footnotes.Append(new Footnote(new Paragraph(
                    new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
                        new FootnoteReferenceMark()),
                    TextRun(" " + _footnotes[i])))
                { Id = i + 1 });
            }

            part.Footnotes = footnotes;
        }

        main.Document.Save();
    }

    /// <summary>The Hải An decision (QĐ 673/QĐ-UBND) as a Word document, from <see cref="HaiAnDecision"/>.</summary>
    /// <summary>
    /// A synthetic decision of <paramref name="tasks"/> tasks in five sections (the Hải An preamble and part II; rows
    /// cycle through the Hải An tasks that have a time frame), for import benchmarks.
    /// </summary>
    public static DecisionDocxBuilder Synthetic(int tasks)
    {
        var samples = HaiAnDecision.Entries.Where(e => e.Time is not null && e.Code.Split('.').Length == 2
            && e.Footnotes.Length == 0).ToList();
        var b = Preamble(new DecisionDocxBuilder()).BeginTable();
        var perSection = (tasks + 4) / 5;
        for (var i = 0; i < tasks; i++)
        {
            var section = (i / perSection) + 1;
            if (i % perSection == 0)
            {
                b.Section(section.ToString(System.Globalization.CultureInfo.InvariantCulture), HaiAnDecision.Sections[section - 1].Title);
            }

            var e = samples[i % samples.Count];
            var code = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{section}.{(i % perSection) + 1}");
            b.Row(code, e.Title, e.Lead, e.Coordinating, e.Time!);
        }

        return Closing(b.EndTable());
    }

    /// <summary>The Hải An decision re-issued without one task (its number left out: a gap).</summary>
    public static DecisionDocxBuilder HaiAnWithout(string code) => HaiAn(skip: code);

    /// <param name="layout">The table's layout.</param>
    /// <param name="marks">How footnote marks are written.</param>
    /// <param name="skip">A task code left out.</param>
    /// <param name="recipients">Also write the decision's "Nơi nhận" block above the signature.</param>
    public static DecisionDocxBuilder HaiAn(DecisionTableLayout? layout = null, FootnoteMarkStyle marks = FootnoteMarkStyle.Reference,
        string? skip = null, bool recipients = false)
    {
        var b = Preamble(new DecisionDocxBuilder()
            .WithLayout(layout ?? DecisionTableLayout.Standard)
            .WithFootnoteMarks(marks), recipients)
            .BeginTable();
        foreach (var entry in HaiAnDecision.Entries.Where(e => e.Code != skip))
        {
            var section = entry.Code.Split('.')[0];
            var sectionTitle = HaiAnDecision.Sections.FirstOrDefault(s => s.Code == section && entry.Code == section + ".1");
            if (sectionTitle.Title is not null)
            {
                b.Section(section, sectionTitle.Title);
            }

            if (entry.Code == "4.1")
            {
                b.HeaderRow(); // an explicit repeated header in the middle of the table
            }

            var parts = entry.Code.Split('.');
            var shown = parts.Length == 3 ? parts[2] : entry.Code;
            if (entry.Footnotes.Length > 0)
            {
                b.Row(shown, entry.Title[..^1] + "^.", entry.Lead, entry.Coordinating, entry.Time ?? string.Empty, HaiAnDecision.Footnote1);
            }
            else
            {
                b.Row(shown, entry.Title, entry.Lead, entry.Coordinating, entry.Time ?? string.Empty);
            }
        }

        return Closing(b.EndTable());
    }

    private static DecisionDocxBuilder Preamble(DecisionDocxBuilder b, bool recipients = false)
    {
        foreach (var text in HaiAnDecision.Opening.Concat(recipients ? HaiAnDecision.Recipients : []).Concat(HaiAnDecision.Signature))
        {
            b.Paragraph(text);
        }

        return b;
    }

    private static DecisionDocxBuilder Closing(DecisionDocxBuilder b)
    {
        foreach (var text in HaiAnDecision.Closing)
        {
            b.Paragraph(text);
        }

        return b;
    }

    private Run MarkRun(int number) => _markStyle switch
    {
        FootnoteMarkStyle.Reference => new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
            new FootnoteReference { Id = number }),
        FootnoteMarkStyle.Superscript => new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }),
            new Text(number.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        _ => new Run(new RunProperties(new Position { Val = "6" }, new FontSize { Val = "14" }),
            new Text(number.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    };

    private Table Table => _table ?? throw new InvalidOperationException("BeginTable first.");

    private TableCell BodyCell(string text) => new(new Paragraph(CellRun(text)));

    private Run CellRun(string text, bool header = false) => Typed(TextRun(text), header);

    /// <summary>The run in the layout's font and size (the header in bold); mark runs keep their own size.</summary>
    private Run Typed(Run run, bool header)
    {
        var (font, headerSize, bodySize) = _layout.Type;
        if (font is null)
        {
            return run;
        }

        var properties = run.RunProperties ?? run.PrependChild(new RunProperties());
        properties.PrependChild(new RunFonts { Ascii = font, HighAnsi = font, ComplexScript = font });
        if (header)
        {
            properties.Append(new Bold());
        }

        if (properties.GetFirstChild<FontSize>() is null)
        {
            var size = new FontSize { Val = (header ? headerSize : bodySize).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (properties.GetFirstChild<VerticalTextAlignment>() is { } raised)
            {
                properties.InsertBefore(size, raised);
            }
            else
            {
                properties.Append(size);
            }
        }

        return run;
    }

    private static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
