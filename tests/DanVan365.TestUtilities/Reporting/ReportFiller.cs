using DanVan365.Documents.Reporting;

namespace DanVan365.TestUtilities.Reporting;

/// <summary>Test shorthand over <see cref="TemplateFiller"/> (the production filler the demo uses too).</summary>
public static class ReportFiller
{
    public static byte[] Fill(byte[] template, IReadOnlyDictionary<string, FilledRow> rows,
        bool nfd = false) => TemplateFiller.Fill(template, rows, nfd);

    public static string AllText(byte[] docx) => TemplateFiller.AllText(docx);
}
