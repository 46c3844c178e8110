using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>A canonical text form of a raw catalogue without its line numbers, so two readings compare entry by entry.</summary>
public static class RawDump
{
    public static string Describe(RawCatalogue raw, bool includeScan = true)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var sb = new StringBuilder();
        var d = raw.Decision;
        sb.Append(CultureInfo.InvariantCulture,
            $"decision {d.Number} {d.Date:yyyy-MM-dd} {d.Issuer} | {d.Signer} | {string.Join(" / ", d.SignerCapacity)} | " +
            $"{d.AggregatingPhrase} | {string.Join(" ; ", d.Recipients)} | {raw.Genre}\n");
        foreach (var r in d.ReportingRounds)
        {
            sb.Append(CultureInfo.InvariantCulture, $"round {r.Round} {r.LastDay:yyyy-MM-dd} {r.Text}\n");
        }

        foreach (var s in raw.Sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"section {s.Code} {s.Title}\n");
        }

        foreach (var e in raw.Entries)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"entry {e.Code} [{e.Section}/{e.Parent}] {e.Title} | {e.LeadText} | {e.CoordinatingText} | {e.TimeText ?? "<null>"} | " +
                $"{string.Join(",", e.Footnotes)}\n");
        }

        foreach (var f in raw.Footnotes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"footnote {f.Mark} {f.Text}\n");
        }

        if (includeScan && raw.Scan is { } scan)
        {
            sb.Append(CultureInfo.InvariantCulture, $"scan {scan.Threshold} {scan.Pages} {scan.Dpi}\n");
            foreach (var c in scan.Cells.OrderBy(c => c.Page).ThenBy(c => c.Box.Y).ThenBy(c => c.Box.X))
            {
                sb.Append(CultureInfo.InvariantCulture, $"cell {c.Page} {c.Row} {c.Column} {c.Box} {c.Text} {c.Confidence} {c.Reviewed}\n");
            }
        }

        return sb.ToString();
    }
}
