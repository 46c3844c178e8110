using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>A canonical text form of a catalogue, so two catalogues can be compared whole (records holding lists do not compare by
/// content).</summary>
public static class CatalogueDump
{
    public static string Describe(TaskCatalogue catalogue, bool includeFootnoteTexts = true)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var sb = new StringBuilder();
        var d = catalogue.Decision;
        sb.Append(CultureInfo.InvariantCulture,
            $"decision {d.Number} {d.Date:yyyy-MM-dd} {d.Issuer} | {d.Signer} | {string.Join(" / ", d.SignerCapacity)} | " +
            $"{d.AggregatingUnit}\n");
        foreach (var r in d.ReportingRounds)
        {
            sb.Append(CultureInfo.InvariantCulture, $"round {r.Round} {r.LastDay:yyyy-MM-dd} {r.Text}\n");
        }

        foreach (var s in catalogue.Sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"section {s.Code} {s.Title}\n");
        }

        foreach (var t in catalogue.Tasks)
        {
            sb.Append(CultureInfo.InvariantCulture, $"task {t.Code} [{t.Section}/{t.Parent}] {t.Title}\n");
            sb.Append(CultureInfo.InvariantCulture, $"  lead {t.Lead.Text} => {string.Join(",", t.Lead.Units)}\n");
            sb.Append(CultureInfo.InvariantCulture, $"  coord {t.Coordinating.Text} => {string.Join(",", t.Coordinating.Units)}\n");
            sb.Append(CultureInfo.InvariantCulture,
                $"  time {t.TimeFrame?.Text} {t.TimeFrame?.Kind} {t.TimeFrame?.LastDay:yyyy-MM-dd} notes " +
                $"{string.Join(",", t.Footnotes)}\n");
        }

        foreach (var f in catalogue.Footnotes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"footnote {f.Mark} {(includeFootnoteTexts ? f.Text : string.Empty)}\n");
        }

        return sb.ToString();
    }
}
