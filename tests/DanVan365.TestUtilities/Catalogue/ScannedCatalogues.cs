using DanVan365.Core.Catalogue;
using DanVan365.Documents.Catalogue;
using DanVan365.Documents.Catalogue.Json;

namespace DanVan365.TestUtilities.Catalogue;

/// <summary>
/// The bundled decision's raw catalogue as if it had been scanned: every section and entry cell attached as a
/// <see cref="ScannedCell"/> (page, pixel box on an A4 page at 300 dpi, the cell's text) with a high confidence, except the
/// cells the test names, read with a low one. For the review and the gate before a real scan is at hand; written as a
/// reviewed-copy JSON file (<see cref="DecisionJsonCopy"/>) to feed the CLI.
/// </summary>
public static class ScannedCatalogues
{
    /// <summary>The threshold the builder's scans carry.</summary>
    public const double Threshold = 80;

    /// <summary>The cells read with a low confidence by default: (row, column, confidence).</summary>
    public static readonly (string Row, ScannedColumn Column, double Confidence)[] DefaultLow =
    [
        ("2.6", ScannedColumn.Lead, 61),
        ("3.5.a", ScannedColumn.Time, 55),
        ("4.1", ScannedColumn.Title, 72),
    ];

    private static readonly int[] ColumnX = [150, 330, 1230, 1650, 2070];
    private static readonly int[] ColumnWidth = [180, 900, 420, 420, 300];

    /// <summary>The bundled decision's raw catalogue (from its text extraction) with scanned cells attached.</summary>
    public static RawCatalogue HaiAn(IReadOnlyList<(string Row, ScannedColumn Column, double Confidence)>? low = null)
    {
        low ??= DefaultLow;
        RawCatalogue raw;
        using (var stream = File.OpenRead(TestData.DecisionTextPath))
        {
            raw = TextDecisionImporter.Read(stream, "qd-673-2026-hai-an-scan.pdf", Bundled.Units);
        }

        var cells = new List<ScannedCell>();
        var row = 0;
        foreach (var section in raw.Sections)
        {
            foreach (var e in raw.Entries.Where(e => e.Section == section.Code))
            {
                if (e.Code == section.Code + ".1")
                {
                    Add(cells, row++, section.Code, [section.Code, section.Title], low);
                }

                var shown = e.Parent is null ? e.Code : e.Code[(e.Parent.Length + 1)..];
                Add(cells, row++, e.Code, [shown, e.Title, e.LeadText, e.CoordinatingText, e.TimeText ?? string.Empty], low);
            }
        }

        var pages = (row / RowsPerPage) + 2;
        cells.Add(new ScannedCell(1, string.Empty, ScannedColumn.Text, new PixelBox(900, 700, 1400, 60),
            raw.Decision.Number, 96));
        return raw with { Scan = new ScanReading(cells, Threshold, pages, 300) };
    }

    /// <summary>Writes <see cref="HaiAn"/> as a reviewed-copy JSON file in <paramref name="folder"/>; returns its path.</summary>
    public static string WriteJsonCopy(string folder, RawCatalogue? raw = null, string name = "qd-673-ban-sao.json")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, DecisionJsonCopy.Write(raw ?? HaiAn()));
        return path;
    }

    /// <summary>The same catalogue with every low cell marked reviewed (what a clerk does in the copy).</summary>
    public static RawCatalogue Reviewed(RawCatalogue raw) => raw with
    {
        Scan = raw.Scan! with
        {
            Cells = [.. raw.Scan!.Cells.Select(c => c.Confidence < raw.Scan.Threshold ? c with { Reviewed = true } : c)],
        },
    };

    private const int RowsPerPage = 12;

    private static void Add(List<ScannedCell> cells, int row, string code, string[] texts,
        IReadOnlyList<(string Row, ScannedColumn Column, double Confidence)> low)
    {
        var page = (row / RowsPerPage) + 1;
        var y = 420 + ((row % RowsPerPage) * 260);
        for (var c = 0; c < texts.Length; c++)
        {
            var column = (ScannedColumn)c;
            var width = texts.Length == 2 && c == 1 ? ColumnWidth[1..].Sum() : ColumnWidth[c];
            var confidence = low.Where(l => l.Row == code && l.Column == column).Select(l => l.Confidence).DefaultIfEmpty(
                90 + ((row + c) % 8)).First();
            cells.Add(new ScannedCell(page, code, column, new PixelBox(ColumnX[c], y, width, 240), texts[c], confidence));
        }
    }
}
