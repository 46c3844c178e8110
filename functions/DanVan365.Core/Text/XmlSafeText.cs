using System.Text;

namespace DanVan365.Core.Text;

/// <summary>
/// Text as Word (XML 1.0) can store it: characters outside XML 1.0's Char production (control characters other than
/// tab, line feed and carriage return; lone surrogates; U+FFFE/U+FFFF) are dropped. Every text that may reach a
/// document (submissions, the report writer) passes through here.
/// </summary>
public static class XmlSafeText
{
    /// <summary>The text without characters XML 1.0 cannot hold, in NFC.</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var width = char.IsSurrogate(c) ? 2 : 1;
            var valid = width == 2
                ? char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : IsXmlChar(c);
            if (!valid)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            sb?.Append(text, i, width);
            i += width - 1;
        }

        return (sb?.ToString() ?? text).Normalize(NormalizationForm.FormC);
    }

    private static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
