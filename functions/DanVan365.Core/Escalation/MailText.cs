using System.Text;

namespace DanVan365.Core.Escalation;

/// <summary>Text hygiene for mail: header-safe strings and safe links.</summary>
public static class MailText
{
    /// <summary>
    /// A single line for a header (subject, display name): control characters (CR, LF, TAB, NUL, …), Unicode line/paragraph
    /// separators and bidi/format controls become spaces, runs of whitespace collapse, the result is trimmed and NFC.
    /// </summary>
    public static string HeaderSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(ch);
            var drop = char.IsControl(ch) || char.IsWhiteSpace(ch)
                || category is System.Globalization.UnicodeCategory.LineSeparator
                    or System.Globalization.UnicodeCategory.ParagraphSeparator
                    or System.Globalization.UnicodeCategory.Format;
            if (drop)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    /// <summary>The link when it is an absolute http/https URI, else null (javascript:, data:, relative, malformed are dropped).</summary>
    public static Uri? SafeLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp ? uri : null;
    }
}
