using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Cli.Target;
using DanVan365.Documents.Catalogue.Copies;
using DanVan365.Documents.Catalogue.Json;

namespace DanVan365.Cli.Commands;

/// <summary>
/// `catalogue FILE --review` (the cells a person must check, Vietnamese, one per line, then a count) and
/// `catalogue FILE --out COPY.json|COPY.docx [--force]` (the copy a clerk corrects and imports instead of the scan; any
/// decision). The copy is written whole through a temporary file in its folder, then moved; an existing file is refused
/// without --force.
/// </summary>
internal static class CatalogueReview
{
    /// <summary>The review lines of a reading (a digital decision: one line saying there is nothing to review).</summary>
    public static string Lines(RawCatalogue raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Scan is not { } scan)
        {
            return "Văn bản không phải bản quét: không có ô nào cần rà soát.\n";
        }

        var threshold = scan.Threshold.ToString("0", CultureInfo.InvariantCulture);
        var low = scan.NeedsReview;
        var sb = new StringBuilder();
        foreach (var cell in low)
        {
            sb.Append(ScanReviewGate.Describe(cell)).Append('\n');
        }

        sb.Append(low.Count == 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"Không có ô nào dưới ngưỡng tin cậy {threshold}/100 chưa được rà soát ({scan.Cells.Count} ô, {scan.Pages} trang).\n")
            : string.Create(CultureInfo.InvariantCulture,
                $"Cần rà soát {low.Count} ô dưới ngưỡng tin cậy {threshold}/100 " +
                $"(trên tổng số {scan.Cells.Count} ô, {scan.Pages} trang).\n"));
        return sb.ToString();
    }

    /// <summary>Writes the copy; refuses a path that is not .json or .docx, a missing folder, an existing file without
    /// <paramref name="force"/>. Returns the line to print.</summary>
    public static string WriteCopy(RawCatalogue raw, string path, bool force)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var ext = Path.GetExtension(path).ToUpperInvariant();
        if (ext is not ".JSON" and not ".DOCX")
        {
            throw new UsageException($"--out {path}: the copy is a .json or .docx file (bản sao phải là tệp .json hoặc .docx)");
        }

        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--out {path}: the folder does not exist (thư mục không tồn tại)");
        }

        if (File.Exists(full) && !force)
        {
            throw new UsageException($"--out {path}: the file exists; pass --force to replace it (tệp đã có: thêm --force để ghi đè)");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                if (ext == ".JSON")
                {
                    var bytes = new UTF8Encoding(false).GetBytes(DecisionJsonCopy.Write(raw));
                    stream.Write(bytes);
                }
                else
                {
                    DecisionDocxCopy.Write(raw, stream);
                }
            }

            File.Move(temporary, full, overwrite: force);
        }
        finally
        {
            File.Delete(temporary);
        }

        var low = raw.Scan?.NeedsReview.Count ?? 0;
        var kind = ext == ".JSON" ? ".json" : ".docx";
        return low == 0
            ? $"Đã ghi bản sao {kind}: {path}.\n"
            : $"Đã ghi bản sao {kind}: {path} ({low.ToString(CultureInfo.InvariantCulture)} ô cần rà soát" +
                $"{(ext == ".DOCX" ? ", tô màu vàng" : string.Empty)}); " +
                "sửa và đánh dấu đã rà soát rồi nhập bản sao này thay cho bản quét.\n";
    }
}
