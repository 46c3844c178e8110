using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Units;

namespace DanVan365.Cli.Commands;

/// <summary>The catalogue command's two outputs: a terminal table with a one-line summary, and JSON.</summary>
internal static class CatalogueOutput
{
    public static string Json(TaskCatalogue catalogue)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var d = catalogue.Decision;
            w.WriteStartObject();
            w.WriteString("genre", catalogue.Genre switch
            {
                DocumentGenre.PlanProse => "plan-prose",
                DocumentGenre.PlanAppendixTable => "plan-appendix-table",
                _ => "decision-table",
            });
            w.WriteStartObject("decision");
            w.WriteString("number", d.Number);
            w.WriteString("date", Day(d.Date));
            w.WriteString("issuer", d.Issuer);
            w.WriteString("signer", d.Signer);
            w.WriteStartArray("signerCapacity");
            foreach (var c in d.SignerCapacity)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteString("aggregatingUnit", d.AggregatingUnit);
            w.WriteStartArray("reportingRounds");
            foreach (var r in d.ReportingRounds)
            {
                w.WriteStartObject();
                w.WriteNumber("round", r.Round);
                w.WriteString("lastDay", Day(r.LastDay));
                w.WriteString("text", r.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("sections");
            foreach (var s in catalogue.Sections)
            {
                w.WriteStartObject();
                w.WriteString("code", s.Code);
                w.WriteString("title", s.Title);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("tasks");
            foreach (var t in catalogue.Tasks)
            {
                w.WriteStartObject();
                w.WriteString("code", t.Code);
                w.WriteString("section", t.Section);
                w.WriteString("parent", t.Parent); // null is written as JSON null

                w.WriteString("title", t.Title);
                w.WriteBoolean("heading", t.IsHeading);
                WriteUnits(w, "lead", t.Lead);
                WriteUnits(w, "coordinating", t.Coordinating);
                if (t.TimeFrame is null)
                {
                    w.WriteNull("timeframe");
                }
                else
                {
                    w.WriteStartObject("timeframe");
                    w.WriteString("text", t.TimeFrame.Text);
                    w.WriteString("kind", t.TimeFrame.Kind.ToCode());
                    if (t.TimeFrame.LastDay is { } last)
                    {
                        w.WriteString("lastDay", Day(last));
                    }
                    else
                    {
                        w.WriteNull("lastDay");
                    }

                    w.WriteEndObject();
                }

                w.WriteStartArray("footnotes");
                foreach (var f in t.Footnotes)
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("footnotes");
            foreach (var f in catalogue.Footnotes)
            {
                w.WriteStartObject();
                w.WriteString("mark", f.Mark);
                w.WriteString("text", f.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Table(TaskCatalogue catalogue, UnitDirectory units)
    {
        _ = units;
        const int TitleWidth = 48;
        var rows = new List<string[]> { new[] { "TT", "Nhiệm vụ", "Chủ trì", "Thời gian", "Hạn cuối" } };
        foreach (var t in catalogue.Tasks)
        {
            var title = t.Title.Length > TitleWidth ? t.Title[..(TitleWidth - 1)].TrimEnd() + "…" : t.Title;
            rows.Add(
            [
                t.Code,
                t.IsHeading ? title + " (mục)" : title,
                string.Join(", ", t.Lead.Units) + (t.FollowUp is { } f ? $" (theo dõi chung: {f.UnitCode})" : string.Empty),
                t.TimeFrame?.Text ?? string.Empty,
                t.TimeFrame?.LastDay is { } last ? Day(last) : (t.TimeFrame is null ? string.Empty : "—"),
            ]);
        }

        var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            sb.AppendJoin("  ", rows[i].Select((cell, c) => c == 4 ? cell : cell.PadRight(widths[c]))).Append('\n');
            if (i == 0)
            {
                sb.AppendJoin("  ", widths.Select(w => new string('-', w))).Append('\n');
            }
        }

        var d = catalogue.Decision;
        var work = catalogue.WorkItems.Count();
        var headings = catalogue.Tasks.Count - work;
        sb.Append(Genre(catalogue.Genre)).Append('\n');
        sb.Append(CultureInfo.InvariantCulture,
            $"{(catalogue.Genre == DocumentGenre.DecisionTable ? "Quyết định" : "Kế hoạch")} {d.Number} " +
                $"ngày {d.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ({d.Issuer}): " +
                $"{catalogue.Sections.Count} sections, {catalogue.Tasks.Count} entries ({work} tasks, {headings} headings), " +
                $"{catalogue.Footnotes.Count} footnotes, {d.ReportingRounds.Count} reporting rounds " +
                $"({string.Join(", ", d.ReportingRounds.Select(r => Day(r.LastDay)))}), reports compiled by {d.AggregatingUnit}.\n");
        return sb.ToString();
    }

    private static void WriteUnits(Utf8JsonWriter w, string name, UnitReference reference)
    {
        w.WriteStartObject(name);
        w.WriteString("text", reference.Text);
        w.WriteStartArray("units");
        foreach (var u in reference.Units)
        {
            w.WriteStringValue(u);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The one line naming the kind of document read (Vietnamese: users read it).</summary>
    public static string Genre(DocumentGenre genre) => genre switch
    {
        DocumentGenre.PlanProse => "Thể loại: kế hoạch (nhiệm vụ viết thành đoạn văn)",
        DocumentGenre.PlanAppendixTable => "Thể loại: kế hoạch (danh mục nhiệm vụ ở bảng phụ lục)",
        _ => "Thể loại: quyết định (danh mục nhiệm vụ dạng bảng)",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
