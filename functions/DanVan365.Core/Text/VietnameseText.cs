using System.Globalization;
using System.Text;

namespace DanVan365.Core.Text;

/// <summary>
/// Text rules for official wording (docs/architecture.md "Text"): keep the decision's wording exactly, normalise only
/// whitespace and Unicode form (NFC). <see cref="MatchKey"/> is a looser key used only to compare phrases, never stored.
/// </summary>
public static class VietnameseText
{
    // Old-style ("oà", "uỷ") and new-style ("òa", "ủy") tone placement are both in use; keys use the new style.
    private static readonly (string Old, string New)[] TonePlacement =
    [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ];

    /// <summary>NFC, every run of whitespace (including non-breaking spaces) collapsed to one space, trimmed.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var nfc = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var c in nfc)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A comparison key: normalised, lower case, old-style tone placement mapped to new style, dashes unified and
    /// spaces around "-" and "&amp;" removed, trailing punctuation dropped ("Phòng Văn hóa-Xã hội" = "phòng văn hóa - xã hội").
    /// </summary>
    public static string MatchKey(string? text)
    {
        var s = Normalize(text).ToLower(CultureInfo.InvariantCulture)
            .Replace('\u2013', '-').Replace('\u2014', '-').Replace('\u2011', '-');
        foreach (var (oldForm, newForm) in TonePlacement)
        {
            s = s.Replace(oldForm, newForm, StringComparison.Ordinal);
        }

        s = s.Replace(" - ", "-", StringComparison.Ordinal).Replace(" -", "-", StringComparison.Ordinal).Replace("- ", "-",
            StringComparison.Ordinal);
        s = s.Replace(" & ", "&", StringComparison.Ordinal).Replace(" &", "&", StringComparison.Ordinal).Replace("& ", "&",
            StringComparison.Ordinal);
        return s.TrimEnd(';', ',', '.', ':', ' ');
    }

    /// <summary>Edit distance between two strings (for "closest alias" hints).</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    // Formatting for reports and templates.

    /// <summary>Unicode NFC.</summary>
    public static string Nfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>"ngày 05 tháng 9 năm 2026": leading 0 for days below 10 and for months 1 and 2 only (ND30).</summary>
    public static string LongDate(DateOnly date)
    {
        var day = date.Day.ToString("00", CultureInfo.InvariantCulture);
        var month = date.Month <= 2
            ? date.Month.ToString("00", CultureInfo.InvariantCulture)
            : date.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {day} tháng {month} năm {date.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"14/9/2026" (day and month without padding, as the decision writes them).</summary>
    public static string ShortDate(DateOnly date) => string.Create(
        CultureInfo.InvariantCulture, $"{date.Day}/{date.Month}/{date.Year}");

    /// <summary>"12/02/2026" (two-digit day and month).</summary>
    public static string PaddedDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A percentage with one decimal and a Vietnamese decimal comma, e.g. "85,7%".</summary>
    public static string Percent(double ratio) =>
        (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    /// <summary>Upper case as in official headers (culture-independent).</summary>
    public static string Upper(string text) => Nfc(text).ToUpperInvariant();
}
