using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.TestUtilities.Catalogue;
using SkiaSharp;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>
/// The scan corpus (issue 27): the bundled decision's ruled LibreOffice PDF (<see cref="DecisionForms.RuledPdf"/>, data we
/// own) rendered in colour by pdftoppm and made into scans with SkiaSharp at test time, never checked in: a clean 300 dpi
/// scan, a 300 dpi photocopy with a red stamp over a table cell and over the signature and a blue signature, the same
/// photocopy at 150 dpi fed 1° askew, and a 300 dpi photocopy of another writer's PDF (Chromium's print of the HTML
/// table). Every random choice is seeded, so each run makes the same files. Each scan and file is made once per test run
/// and shared; callers get copies of the bytes.
/// </summary>
public static class ScanCorpus
{
    /// <summary>The task whose cell carries the red stamp, and the column.</summary>
    public const string StampedRow = "2.3";

    /// <summary>The stamped cell's column: the lead unit, a value the catalogue must read right.</summary>
    public const ScannedColumn StampedColumn = ScannedColumn.Lead;

    private static readonly ConcurrentDictionary<ScanProfile, Lazy<Scan>> Made = new();
    private static readonly ConcurrentDictionary<(ScanProfile, ScanFormat), Lazy<byte[]>> Files = new();

    /// <summary>Every scan of the corpus.</summary>
    public static IReadOnlyList<ScanProfile> All { get; } = Enum.GetValues<ScanProfile>();

    /// <summary>The scan (made on first use).</summary>
    public static Scan Get(ScanProfile profile) => Made.GetOrAdd(profile, p => new Lazy<Scan>(() => Make(p))).Value;

    /// <summary>The scan as a file of the given format (made on first use; a copy).</summary>
    public static byte[] Bytes(ScanProfile profile, ScanFormat format) =>
        (byte[])Files.GetOrAdd((profile, format), k => new Lazy<byte[]>(() => Write(Get(k.Item1), k.Item2))).Value.Clone();

    /// <summary>The file's name as a ward would receive it (the extension tells the importer what it is).</summary>
    public static string FileName(ScanProfile profile, ScanFormat format)
    {
        var name = profile switch
        {
            ScanProfile.Clean300 => "qd-673-scan-300dpi",
            ScanProfile.Photocopy300 => "qd-673-ban-sao-300dpi",
            ScanProfile.Rotated150 => "qd-673-ban-sao-150dpi-lech",
            ScanProfile.Chromium300 => "qd-673-trinh-duyet-ban-sao-300dpi",
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
        };
        return name + format switch
        {
            ScanFormat.ImagePdf => ".pdf",
            ScanFormat.Png => ".png",
            ScanFormat.Jpeg => ".jpg",
            ScanFormat.Tiff => ".tif",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>The page a single-image format (PNG, JPEG) holds: the stamped cell's page, else page 2 (all table).</summary>
    public static int SinglePage(Scan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return scan.StampedCell?.Page ?? 2;
    }

    private static byte[] Write(Scan scan, ScanFormat format) => format switch
    {
        ScanFormat.ImagePdf => ScanFiles.ImagePdf(scan.Pages),
        ScanFormat.Png => ScanFiles.Png(scan.Pages[SinglePage(scan) - 1], scan.Dpi),
        ScanFormat.Jpeg => ScanFiles.Jpeg(scan.Pages[SinglePage(scan) - 1], scan.Dpi),
        ScanFormat.Tiff => ScanFiles.Tiff(scan.Pages, scan.Dpi),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static Scan Make(ScanProfile profile)
    {
        var (dpi, rotation, ink, seed) = profile switch
        {
            ScanProfile.Clean300 => (300, 0.0, false, 2700),
            ScanProfile.Photocopy300 => (300, 0.0, true, 2701),
            ScanProfile.Rotated150 => (150, 1.0, true, 2702),
            ScanProfile.Chromium300 => (300, 0.0, true, 2703),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
        };
        var source = profile == ScanProfile.Chromium300 ? DecisionCorpus.Bytes(CorpusPdf.ChromiumHtml) : DecisionForms.RuledPdf;
        var random = new Random(seed);
        var mm = dpi / 25.4f;
        using var pdf = PdfDocument.Open(source);
        var rendered = PageRaster.Render(source, dpi);
        var pages = new List<ScanPageImage>();
        StampedCell? cell = null;
        PageMark? sealOnSignature = null, signature = null, signer = null;
        for (var i = 0; i < rendered.Count; i++)
        {
            var pdfPage = pdf.GetPage(i + 1);
            using var page = ScanInk.Rgba(rendered[i]);
            rendered[i].Dispose();
            var scale = dpi / 72.0;
            PixelBox Turned(SKRect r) => Box(r, rotation, page.Width, page.Height);
            if (ink && cell is null && FindCell(page, pdfPage, scale) is { } box)
            {
                // Centred across the cell and down on its text (not its blank lower part): the ink lies over what must be read.
                var text = pdfPage.GetWords().Where(w => box.Contains(Pixels([w], pdfPage, scale).MidX, Pixels([w], pdfPage, scale).MidY))
                    .ToArray();
                var over = text.Length > 0 ? Pixels(text, pdfPage, scale) : box;
                var diameter = Math.Min(28 * mm, box.Width * 0.95f);
                ScanInk.Stamp(page, new SKPoint(box.MidX, over.MidY), diameter, random);
                var stamp = SKRect.Create(box.MidX - (diameter / 2), over.MidY - (diameter / 2), diameter, diameter);
                cell = new StampedCell(i + 1, StampedRow, StampedColumn, Turned(box), Turned(stamp));
            }

            if (ink && FindWords(pdfPage, HaiAnDecision.Signer) is { } name)
            {
                var namePx = Pixels(name, pdfPage, scale);
                var above = FindWords(pdfPage, HaiAnDecision.SignerCapacity[^1]) ?? throw new InvalidOperationException(
                    "the signature block has no capacity line above the signer's name");
                var capacityPx = Pixels(above, pdfPage, scale);
                // Signed between the capacity line and the printed name, the pen running over both a little, as people sign.
                var sign = new SKRect(namePx.Left - (namePx.Width * 0.05f), capacityPx.Top - (capacityPx.Height * 0.3f),
                    namePx.Right + (namePx.Width * 0.15f), namePx.Top + (namePx.Height * 0.5f));
                ScanInk.Signature(page, sign, random);
                var diameter = 36 * mm;
                var centre = new SKPoint(sign.Left + (sign.Width * 0.15f), sign.MidY);
                ScanInk.Stamp(page, centre, diameter, random);
                var seal = SKRect.Create(centre.X - (diameter / 2), centre.Y - (diameter / 2), diameter, diameter);
                (sealOnSignature, signature, signer) = (new PageMark(i + 1, Turned(seal)), new PageMark(i + 1, Turned(sign)),
                    new PageMark(i + 1, Turned(namePx)));
            }

            using var turned = rotation == 0 ? page.Copy() : ScanInk.Rotate(page, rotation);
            if (ink)
            {
                ScanInk.Photocopy(turned, random, specksPerPage: 60, speckRadius: 0.15f * mm);
            }

            using var image = SKImage.FromBitmap(turned);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 92);
            pages.Add(new ScanPageImage(ScanFiles.WithDensity(jpeg.ToArray(), dpi), turned.Width, turned.Height, pdfPage.Width,
                pdfPage.Height));
        }

        if (ink && (cell is null || signature is null))
        {
            throw new InvalidOperationException($"the ruled PDF has no cell {StampedRow} or no signer's name to mark");
        }

        return new Scan(profile, dpi, rotation, pages)
        {
            StampedCell = cell,
            SignatureStamp = sealOnSignature,
            Signature = signature,
            SignerName = signer,
        };
    }

    /// <summary>The stamped cell's box in the clean page image: the rules around the row code's line and the column.</summary>
    private static SKRect? FindCell(SKBitmap page, Page pdfPage, double scale)
    {
        var code = pdfPage.GetWords().Where(w => w.Text.TrimEnd('.') == StampedRow).OrderBy(w => w.BoundingBox.Left).FirstOrDefault();
        if (code is null)
        {
            return null;
        }

        var y = (float)((pdfPage.Height - code.BoundingBox.Centroid.Y) * scale);
        var rows = TableRules.Horizontal(page, page.Width / 2);
        var columns = TableRules.Vertical(page, page.Height / 20);
        var top = rows.LastOrDefault(r => r < y, -1);
        var bottom = rows.FirstOrDefault(r => r > y, -1);
        if (top < 0 || bottom < 0 || columns.Count != 6)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"no cell around {StampedRow} (rules above {top}, below {bottom}, {columns.Count} columns)"));
        }

        var c = (int)StampedColumn;
        return new SKRect(columns[c], top, columns[c + 1], bottom);
    }

    /// <summary>The words of <paramref name="phrase"/> in sequence on the page (NFC), or null.</summary>
    private static Word[]? FindWords(Page page, string phrase)
    {
        var want = phrase.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = page.GetWords().ToList();
        for (var i = 0; i + want.Length <= words.Count; i++)
        {
            if (want.Select((w, k) => words[i + k].Text.Normalize(NormalizationForm.FormC) == w).All(b => b))
            {
                return [.. words.Skip(i).Take(want.Length)];
            }
        }

        return null;
    }

    private static SKRect Pixels(Word[] words, Page page, double scale) => new(
        (float)(words.Min(w => w.BoundingBox.Left) * scale), (float)((page.Height - words.Max(w => w.BoundingBox.Top)) * scale),
        (float)(words.Max(w => w.BoundingBox.Right) * scale), (float)((page.Height - words.Min(w => w.BoundingBox.Bottom)) * scale));

    private static PixelBox Box(SKRect rect, double rotation, int width, int height)
    {
        var corners = new[] { new SKPoint(rect.Left, rect.Top), new SKPoint(rect.Right, rect.Top), new SKPoint(rect.Left,
            rect.Bottom), new SKPoint(rect.Right, rect.Bottom) }.Select(p => ScanInk.Rotated(p, rotation, width, height)).ToList();
        var (left, top) = ((int)Math.Floor(corners.Min(p => p.X)), (int)Math.Floor(corners.Min(p => p.Y)));
        return new PixelBox(left, top, (int)Math.Ceiling(corners.Max(p => p.X)) - left, (int)Math.Ceiling(corners.Max(p => p.Y)) - top);
    }
}
