using System.Text.RegularExpressions;
using DanVan365.Core.Text;
using static DanVan365.Documents.Catalogue.TextExtraction.TextPatterns;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>One paragraph of a plan as cut by <see cref="ProseBlocks"/>: its kind, number, text and the lines it spans.</summary>
internal sealed class ProseBlock
{
    public required ProseBlockKind Kind { get; init; }

    /// <summary>"II" for a part, "1", "1.2" for a numbered paragraph, "a" for a sub-item, the attribute's key for an attribute.</summary>
    public required string Code { get; init; }

    public List<NumberedLine> Lines { get; } = [];

    public int Line => Lines[0].Number;

    public string Text => CellText.Join(Lines.Select(l => l.Text));
}

internal enum ProseBlockKind
{
    Part,
    Numbered,
    SubItem,
    Attribute,
    Other,
}

/// <summary>
/// Cuts a plan's lines into paragraphs: a part heading ("II. NHIỆM VỤ …"), a numbered paragraph ("1.", "2.1.", "2.1)"), a
/// sub-item ("a)", "b."), an attribute line ("- Cơ quan chủ trì: …", "Thời gian thực hiện: …") or other text; a line that
/// starts none of these continues the paragraph above. Footnote blocks (a "_____" line, then "1 text…" up to the next blank
/// line) are taken out into <see cref="TextFootnotes"/>.
/// </summary>
internal static partial class ProseBlocks
{
    public static List<ProseBlock> Cut(IReadOnlyList<NumberedLine> lines, TextFootnotes footnotes)
    {
        var blocks = new List<ProseBlock>();
        ProseBlock? current = null;
        var inFootnotes = false;
        foreach (var line in lines)
        {
            var text = VietnameseText.Normalize(line.Text);
            if (text.Length == 0)
            {
                inFootnotes = false;
                current = current is { Kind: ProseBlockKind.Attribute } ? null : current;
                continue;
            }

            if (SeparatorRegex().IsMatch(text))
            {
                inFootnotes = true;
                continue;
            }

            if (inFootnotes && footnotes.AddLine(text))
            {
                continue;
            }

            inFootnotes = false;
            var start = Start(text);
            if (start is null)
            {
                if (current is null)
                {
                    current = new ProseBlock { Kind = ProseBlockKind.Other, Code = string.Empty };
                    blocks.Add(current);
                }

                current.Lines.Add(line with { Text = text });
                continue;
            }

            current = start.Value.Block;
            current.Lines.Add(line with { Text = start.Value.Remainder });
            blocks.Add(current);
        }

        return blocks;
    }

    private static (ProseBlock Block, string Remainder)? Start(string text)
    {
        if (AttributeRegex().Match(text) is { Success: true } a)
        {
            var key = a.Groups["key"].Value.ToLowerInvariant();
            var code = key.StartsWith("chủ", StringComparison.Ordinal) ? "lead"
                : key.StartsWith("phối", StringComparison.Ordinal) ? "coordinating" : "time";
            return (new ProseBlock { Kind = ProseBlockKind.Attribute, Code = code }, a.Groups["value"].Value);
        }

        if (PartRegex().Match(text) is { Success: true } p && IsUpper(p.Groups["rest"].Value))
        {
            return (new ProseBlock { Kind = ProseBlockKind.Part, Code = p.Groups["code"].Value }, p.Groups["rest"].Value);
        }

        if (NumberedRegex().Match(text) is { Success: true } n)
        {
            return (new ProseBlock { Kind = ProseBlockKind.Numbered, Code = n.Groups["code"].Value }, n.Groups["rest"].Value);
        }

        if (SubItemRegex().Match(text) is { Success: true } s)
        {
            return (new ProseBlock { Kind = ProseBlockKind.SubItem, Code = s.Groups["code"].Value }, s.Groups["rest"].Value);
        }

        return null;
    }

    [GeneratedRegex(@"^[-–+•*]?\s*(?:(?:Cơ quan|Đơn vị)\s+)?(?<key>chủ trì|phối hợp|thời gian(?: thực hiện| hoàn thành)?)" +
        @"\s*:\s*(?<value>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AttributeRegex();

    [GeneratedRegex(@"^(?<code>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\s*\.\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartRegex();

    [GeneratedRegex(@"^(?<code>\d{1,2}(?:\.\d{1,2})*)[\.\)]\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedRegex();

    [GeneratedRegex(@"^(?<code>[a-zđ])[\)\.]\s+(?<rest>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SubItemRegex();
}
