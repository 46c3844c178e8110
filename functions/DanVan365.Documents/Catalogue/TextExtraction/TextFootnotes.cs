using DanVan365.Core.Catalogue;
using static DanVan365.Documents.Catalogue.TextExtraction.TextPatterns;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>
/// Footnote blocks at page bottoms (a wide blank or "____" separator line, then "1 text…" up to the next page
/// header): collects their texts; a line that neither starts a new mark nor continues one ends the block.
/// </summary>
internal sealed class TextFootnotes
{
    private readonly List<Footnote> _footnotes = [];

    public IReadOnlyList<Footnote> All => _footnotes;

    /// <summary>True when the (normalised) line belongs to a footnote block and was taken.</summary>
    public bool AddLine(string text)
    {
        var m = FootnoteStartRegex().Match(text);
        if (m.Success)
        {
            var mark = m.Groups["mark"].Value;
            if (_footnotes.All(f => f.Mark != mark))
            {
                _footnotes.Add(new Footnote(mark, m.Groups["text"].Value));
                return true;
            }
        }

        if (_footnotes.Count == 0)
        {
            return false;
        }

        var last = _footnotes[^1];
        _footnotes[^1] = last with { Text = CellText.Join([last.Text, text]) };
        return true;
    }

    /// <summary>Takes the glued marks ("cơ sở1.") off every line of the rows; records each row's marks.</summary>
    public static List<string> StripMarks(TextRow row, IReadOnlySet<string> marks)
    {
        var found = new List<string>();
        foreach (var fragment in row.Fragments)
        {
            for (var k = 0; k < fragment.Count; k++)
            {
                fragment[k] =
                    fragment[k] with
                    {
                        Text = CellText.StripFootnoteMarks(Core.Text.VietnameseText.Normalize(fragment[k].Text), marks,
                    found)
                    };
            }
        }

        return found;
    }
}
