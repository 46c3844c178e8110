using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DanVan365.Documents.Tests.Reporting;

/// <summary>Effective formatting of runs and paragraphs (run → paragraph style chain → default paragraph style → docDefaults).</summary>
internal sealed class WordInspector : IDisposable
{
    private readonly WordprocessingDocument _doc;
    private readonly Styles _styles;

    public WordInspector(byte[] bytes)
    {
        _doc = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        _styles = _doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
    }

    public WordprocessingDocument Document => _doc;

    public MainDocumentPart Main => _doc.MainDocumentPart!;

    public Body Body => Main.Document!.Body!;

    public Styles Styles => _styles;

    public void Dispose() => _doc.Dispose();

    /// <summary>Every paragraph of the body (tables included) with its text.</summary>
    public IEnumerable<(Paragraph Paragraph, string Text)> Paragraphs() =>
        Body.Descendants<Paragraph>().Select(p => (p, Text(p)));

    public static string Text(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    public string AllText() => string.Join("\n", Body.Descendants<Paragraph>().Select(Text));

    public Paragraph Find(string text) => Paragraphs().First(p => p.Text == text).Paragraph;

    public Paragraph FindStarting(string prefix) => Paragraphs().First(p => p.Text.StartsWith(prefix, StringComparison.Ordinal)).Paragraph;

    private IEnumerable<OpenXmlElement> RunPropertySources(Run run)
    {
        if (run.RunProperties is { } rp)
        {
            yield return rp;
        }

        var paragraph = run.Ancestors<Paragraph>().FirstOrDefault();
        var styleId = paragraph?.ParagraphProperties?.ParagraphStyleId?.Val?.Value
            ?? _styles.Elements<Style>().FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph
                && s.Default?.Value == true)?.StyleId?.Value;
        var seen = new HashSet<string>();
        while (styleId is not null && seen.Add(styleId))
        {
            var style = _styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
            if (style?.StyleRunProperties is { } srp)
            {
                yield return srp;
            }

            styleId = style?.BasedOn?.Val?.Value;
        }

        if (_styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle is { } defaults)
        {
            yield return defaults;
        }
    }

    public (string? Ascii, string? HighAnsi) Fonts(Run run)
    {
        string? ascii = null, hAnsi = null;
        foreach (var source in RunPropertySources(run))
        {
            var fonts = source.GetFirstChild<RunFonts>();
            ascii ??= fonts?.Ascii?.Value;
            hAnsi ??= fonts?.HighAnsi?.Value;
        }

        return (ascii, hAnsi);
    }

    /// <summary>Size in points.</summary>
    public double Size(Run run)
    {
        foreach (var source in RunPropertySources(run))
        {
            if (source.GetFirstChild<FontSize>()?.Val?.Value is { } v)
            {
                return int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) / 2.0;
            }
        }

        return 10;
    }

    public bool Bold(Run run) => Toggle<Bold>(run);

    public bool Italic(Run run) => Toggle<Italic>(run);

    private bool Toggle<T>(Run run)
        where T : OnOffType
    {
        foreach (var source in RunPropertySources(run))
        {
            if (source.GetFirstChild<T>() is { } b)
            {
                return b.Val?.Value ?? true;
            }
        }

        return false;
    }

    /// <summary>All runs with text in a paragraph.</summary>
    public static IEnumerable<Run> TextRuns(Paragraph p) => p.Descendants<Run>().Where(r => Text(r).Length > 0);

    public static JustificationValues? Justification(Paragraph p) => p.ParagraphProperties?.Justification?.Val?.Value;

    /// <summary>The section properties in document order (those in paragraphs, then the body's last).</summary>
    public IReadOnlyList<SectionProperties> Sections() => Body.Descendants<SectionProperties>().ToList();
}
