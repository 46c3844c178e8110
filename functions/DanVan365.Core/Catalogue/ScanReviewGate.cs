using System.Globalization;
using DanVan365.Core.Errors;

namespace DanVan365.Core.Catalogue;

/// <summary>
/// The gate before a scanned decision is used (docs/architecture.md "Scanned decisions"): a catalogue whose OCR left cells
/// below the threshold that nobody reviewed is refused, with one Vietnamese line per cell, unless OCR is accepted as read
/// (`sync --accept-ocr`). A digital decision, or a scan whose low cells were all reviewed, passes.
/// </summary>
public static class ScanReviewGate
{
    /// <summary>
    /// Refuses <paramref name="catalogue"/> when its scan has unreviewed low-confidence cells and <paramref name="acceptOcr"/>
    /// is false (<see cref="InvalidInputException"/> naming <paramref name="file"/>); returns the cells let through unreviewed
    /// (empty when none, or when the catalogue is not a scan).
    /// </summary>
    public static IReadOnlyList<ScannedCell> Check(TaskCatalogue catalogue, string file, bool acceptOcr)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return Check(catalogue.Scan, file, acceptOcr);
    }

    /// <inheritdoc cref="Check(TaskCatalogue, string, bool)"/>
    public static IReadOnlyList<ScannedCell> Check(RawCatalogue raw, bool acceptOcr)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return Check(raw.Scan, raw.File, acceptOcr);
    }

    private static IReadOnlyList<ScannedCell> Check(ScanReading? scan, string file, bool acceptOcr)
    {
        ArgumentNullException.ThrowIfNull(file);
        var low = scan?.NeedsReview ?? [];
        if (low.Count == 0 || acceptOcr)
        {
            return low;
        }

        var count = low.Count.ToString(CultureInfo.InvariantCulture);
        var threshold = scan!.Threshold.ToString("0", CultureInfo.InvariantCulture);
        var lines = string.Join('\n', low.Select(Describe));
        throw new InvalidInputException(file, 0,
            $"{count} cell(s) of the scan were read below the confidence threshold {threshold} and not reviewed: review them in the " +
            "copy written by `danvan365 catalogue FILE --out COPY.docx|COPY.json` and import that copy (or run `danvan365 sync` " +
            "with --accept-ocr) " +
            $"({count} ô của bản quét có độ tin cậy dưới {threshold} chưa được rà soát: hãy rà soát bản sao rồi nhập bản sao đó)\n" +
            lines);
    }

    /// <summary>
    /// One cell in Vietnamese: "Trang 3, nhiệm vụ 2.6, cột Cơ quan chủ trì (x 512, y 1840): “…” — độ tin cậy 61/100".
    /// </summary>
    public static string Describe(ScannedCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var row = cell.Row.Length == 0
            ? "ngoài bảng"
            : cell.Column == ScannedColumn.Title && !cell.Row.Contains('.', StringComparison.Ordinal)
                ? $"mục {cell.Row}"
                : $"nhiệm vụ {cell.Row}";
        return string.Create(CultureInfo.InvariantCulture,
            $"Trang {cell.Page}, {row}, cột {ColumnName(cell.Column)} (x {cell.Box.X}, y {cell.Box.Y}): “{cell.Text}” — " +
            $"độ tin cậy {Math.Floor(cell.Confidence):0}/100");
    }

    /// <summary>The column's name as the decision's table heads it (Vietnamese: people read it).</summary>
    public static string ColumnName(ScannedColumn column) => column switch
    {
        ScannedColumn.Number => "TT",
        ScannedColumn.Title => "Nhiệm vụ",
        ScannedColumn.Lead => "Cơ quan chủ trì",
        ScannedColumn.Coordinating => "Cơ quan phối hợp",
        ScannedColumn.Time => "Thời gian thực hiện",
        _ => "Văn bản ngoài bảng",
    };
}
