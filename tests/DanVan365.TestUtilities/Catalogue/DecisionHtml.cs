using System.Net;
using System.Text;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>
/// The bundled decision as a web page, as an e-office portal shows it: the paragraphs, the table as an HTML table (a
/// &lt;thead&gt; the browser repeats on each printed page, section rows as one cell spanning the four other columns,
/// footnote marks as &lt;sup&gt;), the footnote at the end. Every text is HTML-encoded.
/// </summary>
public static class DecisionHtml
{
    private static readonly string[] Header = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];

    /// <param name="coordinating">Write the "Cơ quan phối hợp" column (without it: a table missing a column).</param>
    /// <param name="table">Write the table at all (without it: the decision's paragraphs only).</param>
    public static string HaiAn(bool coordinating = true, bool table = true)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>QĐ 673/QĐ-UBND</title><style>\n")
            .Append("@page { size: A4; margin: 20mm 15mm 20mm 25mm; }\n")
            .Append("body { font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 13pt; }\n")
            .Append("table { border-collapse: collapse; width: 100%; }\n")
            .Append("th, td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: top; text-align: left; }\n")
            .Append("th { vertical-align: middle; text-align: center; }\n")
            .Append("</style></head><body>\n");
        foreach (var text in HaiAnDecision.Opening.Concat(HaiAnDecision.Signature))
        {
            Paragraph(html, text);
        }

        if (table)
        {
            Table(html, coordinating);
        }

        foreach (var text in HaiAnDecision.Closing)
        {
            Paragraph(html, text);
        }

        html.Append("<hr style=\"width:30%;margin-left:0\">\n<p><sup>1</sup> ").Append(E(HaiAnDecision.Footnote1)).Append("</p>\n");
        return html.Append("</body></html>\n").ToString();
    }

    private static void Table(StringBuilder html, bool coordinating)
    {
        html.Append("<table>\n<colgroup><col style=\"width:7%\"><col style=\"width:38%\"><col style=\"width:19%\">")
            .Append(coordinating ? "<col style=\"width:21%\">" : string.Empty).Append("<col style=\"width:15%\"></colgroup>\n<thead><tr>");
        foreach (var h in Header.Where(h => coordinating || h != Header[3]))
        {
            html.Append("<th>").Append(E(h)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var entry in HaiAnDecision.Entries)
        {
            var section = entry.Code.Split('.')[0];
            if (entry.Code == section + ".1")
            {
                var title = HaiAnDecision.Sections.First(s => s.Code == section).Title;
                html.Append("<tr><td>").Append(E(section)).Append(coordinating ? "</td><td colspan=\"4\">" : "</td><td colspan=\"3\">")
                    .Append(E(title)).Append("</td></tr>\n");
            }

            var parts = entry.Code.Split('.');
            var title2 = entry.Footnotes.Length > 0 ? E(entry.Title[..^1]) + "<sup>1</sup>." : E(entry.Title);
            html.Append("<tr><td>").Append(E(parts.Length == 3 ? parts[2] : entry.Code)).Append("</td><td>").Append(title2)
                .Append("</td><td>").Append(E(entry.Lead)).Append("</td><td>");
            if (coordinating)
            {
                html.Append(string.Join(";<br>", entry.Coordinating.Split("; ").Select(E))).Append("</td><td>");
            }

            html.Append(E(entry.Time ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p>").Append(E(text)).Append("</p>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
