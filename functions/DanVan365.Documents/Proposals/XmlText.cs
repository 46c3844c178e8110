using System.Text;

namespace DanVan365.Documents.Proposals;

/// <summary>Text as XML 1.0 can store it: characters outside its Char production (controls, lone surrogates, U+FFFE/U+FFFF)
/// dropped.</summary>
internal static class XmlText
{
    /// <summary>The text without characters XML 1.0 cannot hold (tab, line feed and carriage return are kept), in NFC.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }

                continue;
            }

            if (c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
