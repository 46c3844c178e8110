using System.Globalization;
using System.Text.RegularExpressions;
using DanVan365.Core.Text;

namespace DanVan365.Documents.Catalogue.TextExtraction;

/// <summary>Words, case tests and patterns shared by the parts of the text importer.</summary>
internal static partial class TextPatterns
{
    /// <summary>Vietnamese sub-item letters in order (no f, j, w, z; đ after d).</summary>
    public const string SubItemLetters = "abcdđeghiklmnopqrstuvxy";

    public static bool IsUpper(string s) => s.Any(char.IsLetter) && s == s.ToUpper(CultureInfo.InvariantCulture);

    public static bool StartsWithDigit(string s)
    {
        var t = s.TrimStart();
        return t.Length > 0 && char.IsAsciiDigit(t[0]);
    }

    public static List<string> Words(string text) =>
        VietnameseText.Normalize(text).ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    public static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";

    [GeneratedRegex(@"^(?<code>\d+(?:\.\d+)*|[a-zđ])(?<sep>[\.\)])?(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    public static partial Regex CodeRegex();

    [GeneratedRegex(@"^\d+\.\d+(?:\.\d+)*\.?$", RegexOptions.CultureInvariant)]
    public static partial Regex LoneCodeRegex();

    [GeneratedRegex(@"^II\s*\.\s*\S", RegexOptions.CultureInvariant)]
    public static partial Regex PartTwoRegex();

    [GeneratedRegex(@"^[_\-–—\.]{5,}$", RegexOptions.CultureInvariant)]
    public static partial Regex SeparatorRegex();

    [GeneratedRegex(@"^(?<mark>\d{1,2})\s+(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    public static partial Regex FootnoteStartRegex();

    [GeneratedRegex(@"^(\(\d+\)\s*)+$", RegexOptions.CultureInvariant)]
    public static partial Regex ColumnNumbersRegex();
}
