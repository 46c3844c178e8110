using System.Globalization;
using System.Text;

namespace DanVan365.Core.Status;

/// <summary>Comparison form of status labels: NFC, lower case (invariant), whitespace trimmed and collapsed, trailing '.'/';'
/// dropped.</summary>
internal static class StatusText
{
    public static string Normalise(string text)
    {
        // A trailing full stop or semicolon, as people type after a word in a table cell, is not part of it.
        var nfc = text.Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', ';');
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
