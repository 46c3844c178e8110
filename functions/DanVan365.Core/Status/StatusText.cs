using System.Globalization;
using System.Text;

namespace DanVan365.Core.Status;

/// <summary>Comparison form of status labels: NFC, lower case (invariant), whitespace trimmed and collapsed.</summary>
internal static class StatusText
{
    public static string Normalise(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(nfc.Length);
        var pendingSpace = false;
        foreach (var ch in nfc)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200B' || ch == '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLower(ch, CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
