using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanVan365.Core.Catalogue;

namespace DanVan365.Documents.Catalogue.Json;

/// <summary>
/// Writes a decision as read (a <see cref="RawCatalogue"/>) into DanVan365's reviewed-copy JSON, version
/// <see cref="Version"/> (docs/architecture.md "Scanned decisions"): the decision's metadata, sections, entries (cells as
/// written), footnotes, rounds and, for a scan, every OCR'd cell with its confidence and "reviewed": false, each cell with
/// the entry or section it belongs to. A clerk corrects an entry's text and sets its cell's "reviewed" to true;
/// <see cref="JsonDecisionImporter"/> reads the copy back.
/// </summary>
public static class DecisionJsonCopy
{
    /// <summary>The format's name, the file's "format" member.</summary>
    public const string Format = "danvan365-decision-copy";

    /// <summary>The only version written and read.</summary>
    public const int Version = 1;

    public static string Write(RawCatalogue raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var cells = raw.Scan?.Cells ?? [];
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteString("source", Path.GetFileName(raw.File));
            w.WriteString("genre", GenreCode(raw.Genre));
            WriteDecision(w, raw.Decision);
            w.WriteStartArray("sections");
            foreach (var s in raw.Sections)
            {
                w.WriteStartObject();
                w.WriteString("code", s.Code);
                w.WriteString("title", s.Title);
                WriteCells(w, cells.Where(c => c.Row == s.Code));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("entries");
            foreach (var e in raw.Entries)
            {
                WriteEntry(w, e, cells.Where(c => c.Row == e.Code));
            }

            w.WriteEndArray();
            w.WriteStartArray("footnotes");
            foreach (var f in raw.Footnotes)
            {
                w.WriteStartObject();
                w.WriteString("mark", f.Mark);
                w.WriteString("text", f.Text);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (raw.Scan is { } scan)
            {
                var rows = raw.Sections.Select(s => s.Code).Concat(raw.Entries.Select(e => e.Code)).ToHashSet(StringComparer.Ordinal);
                w.WriteStartObject("scan");
                w.WriteNumber("threshold", scan.Threshold);
                w.WriteNumber("pages", scan.Pages);
                w.WriteNumber("dpi", scan.Dpi);
                // Text outside the table (metadata, footnotes), and any cell whose row is no entry or section.
                WriteCells(w, cells.Where(c => !rows.Contains(c.Row)));
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("scan");
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The genre's code, as `catalogue --format json` writes it.</summary>
    public static string GenreCode(DocumentGenre genre) => genre switch
    {
        DocumentGenre.PlanProse => "plan-prose",
        DocumentGenre.PlanAppendixTable => "plan-appendix-table",
        _ => "decision-table",
    };

    /// <summary>The column's code in the copy ("number", "title", "lead", "coordinating", "time", "text").</summary>
    public static string ColumnCode(ScannedColumn column) => column switch
    {
        ScannedColumn.Number => "number",
        ScannedColumn.Title => "title",
        ScannedColumn.Lead => "lead",
        ScannedColumn.Coordinating => "coordinating",
        ScannedColumn.Time => "time",
        _ => "text",
    };

    private static void WriteDecision(Utf8JsonWriter w, RawDecision d)
    {
        w.WriteStartObject("decision");
        w.WriteString("number", d.Number);
        w.WriteString("date", d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("issuer", d.Issuer);
        w.WriteString("signer", d.Signer);
        Strings(w, "signerCapacity", d.SignerCapacity);
        w.WriteString("aggregating", d.AggregatingPhrase); // null is written as JSON null

        w.WriteStartArray("reportingRounds");
        foreach (var r in d.ReportingRounds)
        {
            w.WriteStartObject();
            w.WriteNumber("round", r.Round);
            w.WriteString("lastDay", r.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("text", r.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "recipients", d.Recipients);
        w.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter w, RawEntry e, IEnumerable<ScannedCell> cells)
    {
        w.WriteStartObject();
        w.WriteString("code", e.Code);
        w.WriteString("section", e.Section);
        w.WriteString("parent", e.Parent); // null is written as JSON null

        w.WriteString("title", e.Title);
        w.WriteString("lead", e.LeadText);
        w.WriteString("coordinating", e.CoordinatingText);
        w.WriteString("time", e.TimeText); // null is written as JSON null

        Strings(w, "footnotes", e.Footnotes);
        WriteCells(w, cells);
        w.WriteEndObject();
    }

    private static void WriteCells(Utf8JsonWriter w, IEnumerable<ScannedCell> cells)
    {
        w.WriteStartArray("cells");
        foreach (var c in cells)
        {
            w.WriteStartObject();
            w.WriteNumber("page", c.Page);
            w.WriteString("row", c.Row);
            w.WriteString("column", ColumnCode(c.Column));
            w.WriteStartObject("box");
            w.WriteNumber("x", c.Box.X);
            w.WriteNumber("y", c.Box.Y);
            w.WriteNumber("width", c.Box.Width);
            w.WriteNumber("height", c.Box.Height);
            w.WriteEndObject();
            w.WriteString("text", c.Text);
            w.WriteNumber("confidence", c.Confidence);
            w.WriteBoolean("reviewed", c.Reviewed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
