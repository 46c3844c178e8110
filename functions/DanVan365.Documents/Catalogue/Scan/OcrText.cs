using System.Text;
using System.Text.RegularExpressions;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// Normalises what OCR read: Unicode NFC, and only character confusions that cannot be right in Vietnamese — Latin
/// eth "Ð"/"ð" (U+00D0/U+00F0; Vietnamese has no eth) is the letter "Đ"/"đ" (U+0110/U+0111) it was taken for, "Ñ"/"ñ"
/// (Vietnamese puts no tilde on a consonant) is "N"/"n", a run of a letter read twice with and without the stray mark
/// ("ÐĐVSNCL", "NÑQ") is the one letter — and
/// three full stops in a row, which print as the ellipsis "…" (U+2026) Word types for them and cannot be told from it on
/// paper, are written as the ellipsis. Nothing is guessed beyond that.
/// </summary>
internal static partial class OcrText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfc = text.Normalize(NormalizationForm.FormC);
        // one letter read twice, as eth and as Đ ("ÐĐVSNCL"): a run of the two letters holding an eth is one Đ
        nfc = EthRunRegex().Replace(nfc, m => char.IsUpper(m.Value[0]) ? "\u0110" : "\u0111");
        nfc = NTildeRunRegex().Replace(nfc, m => char.IsUpper(m.Value[0]) ? "N" : "n");
        nfc = ThreeStopsRegex().Replace(nfc, "\u2026");
        return nfc.Replace('\u00D0', '\u0110').Replace('\u00F0', '\u0111').Replace('\u00D1', 'N').Replace('\u00F1', 'n');
    }

    /// <summary>
    /// A TT cell's text as a code: without spaces (a code wrapped in the narrow column, "4.1" + "1"); in that column a comma
    /// can only be the dot of a code ("1,1" → "1.1") and a lone letter only a sub-item's lower-case letter ("C" → "c").
    /// </summary>
    public static string Code(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var code = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Replace(',', '.');
        return code.Length == 1 && char.IsLetter(code[0]) ? code.ToLowerInvariant() : code;
    }

    /// <summary>
    /// Joins a cell's lines (<see cref="CellText.Join"/>), except that a line reaching the cell's right edge and ending in a
    /// digit or "/" runs on into a next line starting with a digit: a number or date broken by the narrow column
    /// ("15/02/202" + "6"). Each line comes with the width of its cell's image.
    /// </summary>
    public static string Join(IEnumerable<(OcrLine Line, int Width)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parts = new List<string>();
        var lastFull = false;
        foreach (var (line, width) in lines)
        {
            var text = line.Text.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (lastFull && parts.Count > 0 && char.IsAsciiDigit(text[0]) && parts[^1] is { Length: > 0 } before
                && (char.IsAsciiDigit(before[^1]) || before[^1] == '/'))
            {
                parts[^1] += text;
            }
            else
            {
                parts.Add(text);
            }

            var charWidth = Math.Max(1.0, line.Box.Width / (double)Math.Max(1, text.Length));
            lastFull = line.Box.X + line.Box.Width >= width - (2.5 * charWidth);
        }

        return CellText.Join(parts);
    }

    [GeneratedRegex("(?=[\u00D0\u0110]*\u00D0)[\u00D0\u0110]{2,}|(?=[\u00F0\u0111]*\u00F0)[\u00F0\u0111]{2,}",
        RegexOptions.CultureInvariant)]
    private static partial Regex EthRunRegex();

    [GeneratedRegex("(?=[N\u00D1]*\u00D1)[N\u00D1]{2,}|(?=[n\u00F1]*\u00F1)[n\u00F1]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex NTildeRunRegex();

    // exactly three full stops (four or more are a leader, kept as read)
    [GeneratedRegex(@"(?<!\.)\.{3}(?!\.)", RegexOptions.CultureInvariant)]
    private static partial Regex ThreeStopsRegex();
}
