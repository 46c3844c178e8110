using DanVan365.Core.Text;

namespace DanVan365.Documents.Proposals;

/// <summary>Text as XML 1.0 can store it (the shared rule: <see cref="XmlSafeText"/>).</summary>
internal static class XmlText
{
    /// <summary>The text without characters XML 1.0 cannot hold (tab, line feed and carriage return are kept), in NFC.</summary>
    public static string Clean(string? text) => XmlSafeText.Strip(text);
}
