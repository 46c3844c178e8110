using System.Text;
using System.Text.RegularExpressions;
using DanVan365.Core.Text;

namespace DanVan365.Documents.Catalogue;

/// <summary>Joining broken lines back into cell text, and footnote marks glued to words.</summary>
public static partial class CellText
{
    /// <summary>
    /// Joins the lines of a cell with one space — except after a hyphen glued to the preceding character, which
    /// continues a word or code ("57-" + "NQ/TW" → "57-NQ/TW", "Văn hóa-" + "Xã hội" → "Văn hóa-Xã hội").
    /// The result is normalised (NFC, single spaces).
    /// </summary>
    public static string Join(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            var t = VietnameseText.Normalize(line);
            if (t.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                var glued = sb[^1] == '-' && sb.Length >= 2 && !char.IsWhiteSpace(sb[^2]);
                if (!glued)
                {
                    sb.Append(' ');
                }
            }

            sb.Append(t);
        }

        return VietnameseText.Normalize(sb.ToString());
    }

    /// <summary>
    /// Removes superscript footnote marks that the extraction glued to a word ("cơ sở1." → "cơ sở."), but only marks
    /// whose footnote text exists in the document; returns the marks removed.
    /// </summary>
    public static string StripFootnoteMarks(string text, IReadOnlySet<string> knownMarks, List<string> found)
    {
        ArgumentNullException.ThrowIfNull(knownMarks);
        ArgumentNullException.ThrowIfNull(found);
        if (knownMarks.Count == 0)
        {
            return text;
        }

        return GluedMarkRegex().Replace(text, m =>
        {
            var mark = m.Groups[1].Value;
            if (!knownMarks.Contains(mark))
            {
                return m.Value;
            }

            if (!found.Contains(mark))
            {
                found.Add(mark);
            }

            return string.Empty;
        });
    }

    [GeneratedRegex(@"(?<=\p{L}[\p{Pf}\p{Pe}""]?)(\d{1,2})(?=[\.,;:!?…\p{Pf}\p{Pe}""]|\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex GluedMarkRegex();
}
