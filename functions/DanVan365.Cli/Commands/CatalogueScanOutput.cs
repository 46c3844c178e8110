using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue.Json;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `catalogue FILE --format json` for a scan: the catalogue's JSON plus "scan" (threshold, pages, dpi, the count of cells
/// needing review, every cell with "needsReview"); when the raw reading does not assemble (e.g. an OCR'd unit name the
/// directory does not know), the raw entries with the problems instead (exit 0: a table was read).
/// </summary>
internal static class CatalogueScanOutput
{
    private const int MaxProblems = 50;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The assembled catalogue's JSON with its scan.</summary>
    public static string Json(TaskCatalogue catalogue)
    {
        var root = JsonNode.Parse(CatalogueOutput.Json(catalogue))!.AsObject();
        root["scan"] = Scan(catalogue.Scan!);
        return root.ToJsonString(Options) + "\n";
    }

    /// <summary>
    /// Assembles the raw reading, collecting problems: the entries named by a problem's line are set aside and the rest
    /// tried again. Returns the catalogue (null when something was set aside) and the problems (file:line: reason).
    /// </summary>
    public static (TaskCatalogue? Catalogue, IReadOnlyList<string> Problems) Assemble(RawCatalogue raw, UnitDirectory units)
    {
        var problems = new List<string>();
        var current = raw;
        while (problems.Count < MaxProblems)
        {
            try
            {
                var catalogue = CatalogueAssembler.Assemble(current, units);
                return (problems.Count == 0 ? catalogue : null, problems);
            }
            catch (InvalidInputException ex)
            {
                problems.Add(ex.Message);
                var left = current.Entries.Where(e => ex.Line == 0 || !new[] { e.Line, e.LeadLine, e.CoordinatingLine, e.TimeLine }
                    .Contains(ex.Line)).ToList();
                if (left.Count == current.Entries.Count || left.Count == 0)
                {
                    break;
                }

                current = current with { Entries = left };
            }
        }

        return (null, problems);
    }

    /// <summary>The raw reading as JSON with its problems (entries as read, not resolved) and the scan.</summary>
    public static string Raw(RawCatalogue raw, IReadOnlyList<string> problems)
    {
        var root = JsonNode.Parse(DecisionJsonCopy.Write(raw))!.AsObject();
        root.Remove("format");
        root.Remove("version");
        root.Remove("source");
        root.Remove("scan");
        foreach (var list in new[] { "sections", "entries" })
        {
            foreach (var item in root[list]!.AsArray())
            {
                item!.AsObject().Remove("cells");
            }
        }

        var result = new JsonObject { ["assembled"] = false, ["problems"] = new JsonArray([.. problems.Select(p => JsonValue.Create(p))]) };
        foreach (var (name, value) in root.ToList())
        {
            root.Remove(name);
            result[name] = value;
        }

        if (raw.Scan is { } scan)
        {
            result["scan"] = Scan(scan);
        }

        return result.ToJsonString(Options) + "\n";
    }

    private static JsonObject Scan(ScanReading scan)
    {
        var low = scan.NeedsReview.ToHashSet();
        var cells = new JsonArray();
        foreach (var c in scan.Cells)
        {
            cells.Add(new JsonObject
            {
                ["page"] = c.Page,
                ["row"] = c.Row,
                ["column"] = DecisionJsonCopy.ColumnCode(c.Column),
                ["box"] = new JsonObject { ["x"] = c.Box.X, ["y"] = c.Box.Y, ["width"] = c.Box.Width, ["height"] = c.Box.Height },
                ["text"] = c.Text,
                ["confidence"] = c.Confidence,
                ["reviewed"] = c.Reviewed,
                ["needsReview"] = low.Contains(c),
            });
        }

        return new JsonObject
        {
            ["threshold"] = scan.Threshold,
            ["pages"] = scan.Pages,
            ["dpi"] = scan.Dpi,
            ["needsReview"] = low.Count,
            ["cells"] = cells,
        };
    }
}
