using System.Text.RegularExpressions;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// A footnote's mark OCR misread in the table: the small raised "1" glued to a word's end reads as "!" or an apostrophe
/// ("ở cơ sở!."). A decision's table holds no exclamation mark and Vietnamese no apostrophe, so when footnote 1 is
/// carried by no entry and exactly one title holds one such glyph glued to a letter, that glyph is the mark. Nothing is
/// guessed for other marks or when two titles could hold it.
/// </summary>
internal static partial class ScanFootnoteMarks
{
    /// <summary>The mark OCR reads as "!" or "'".</summary>
    public const string One = "1";

    /// <summary>The title (by index) that holds the misread <paramref name="mark"/>, and the title without it; null when
    /// there is none or more than one.</summary>
    public static (int Index, string Title)? Find(IReadOnlyList<string> titles, string mark)
    {
        ArgumentNullException.ThrowIfNull(titles);
        if (!string.Equals(mark, One, StringComparison.Ordinal))
        {
            return null;
        }

        var hits = titles.Select((title, index) => (Index: index, Count: MisreadOneRegex().Count(title))).Where(x => x.Count > 0)
            .ToList();
        return hits is [{ Count: 1 } hit] ? (hit.Index, MisreadOneRegex().Replace(titles[hit.Index], string.Empty)) : null;
    }

    // "!" or an apostrophe glued to a letter (a closing quote or bracket between them), before punctuation, a space or the end
    [GeneratedRegex(@"(?<=\p{L}[\p{Pf}\p{Pe}""]?)[!'’](?=[.,;:…\p{Pf}\p{Pe}""]|\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex MisreadOneRegex();
}
