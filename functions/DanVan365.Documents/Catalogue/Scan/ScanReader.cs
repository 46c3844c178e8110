using DanVan365.Core.Catalogue;
using DanVan365.Core.Errors;
using DanVan365.Core.Units;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>
/// The scan reader's pipeline: page images (<see cref="ScanPages"/>) → coloured ink dropped (<see cref="InkFilter"/>) →
/// deskewed (<see cref="Deskew"/>) → specks removed (<see cref="Despeckle"/>) → the table's grid
/// (<see cref="TableGrid"/>) → every cell and every text region outside the table cut out and OCR'd by one Tesseract
/// process (<see cref="TesseractOcr"/>) → lines in the form the text importer reads (<see cref="ScanLayout"/>). The work
/// folder is always deleted.
/// </summary>
internal static class ScanReader
{
    /// <summary>Share of a page's pixels that must be ink for the page not to be blank.</summary>
    private const double BlankInkShare = 0.0005;

    public static RawCatalogue Read(byte[] bytes, string name, UnitDirectory? units, ScanOptions options) =>
        Read(bytes, name, units, options, out _);

    /// <summary>Reads the scan; <paramref name="layout"/> tells where each laid-out line came from (for errors found later,
    /// when the catalogue is assembled).</summary>
    public static RawCatalogue Read(byte[] bytes, string name, UnitDirectory? units, ScanOptions options, out ScanLayout layout)
    {
        using var folder = new ScanWorkFolder(options.TempFolder);
        var source = ScanPages.Open(bytes, name, options, folder);
        var pieces = new List<ScanPiece>();
        var tablePages = 0;
        var inkedPages = 0;
        var rowBase = 0;
        for (var p = 0; p < source.Count; p++)
        {
            var page = Prepare(source.Page(p), out var threshold, out var blank);
            page = blank ? page : Despeckle.Clean(page, threshold, Despeckle.MaxArea(source.Dpi));
            if (blank)
            {
                continue;
            }

            inkedPages++;
            var grid = TableGrid.Find(page, threshold, source.Dpi);
            tablePages += grid is null ? 0 : 1;
            pieces.AddRange(Cut(page, threshold, p + 1, grid, tablePages == 0, ref rowBase, source.Dpi));
        }

        if (inkedPages == 0)
        {
            throw new InvalidInputException(name, 1, 0,
                "every page of the scan is blank: nothing to read. Check the scan. (Bản quét chỉ có trang trắng: hãy kiểm tra lại.)");
        }

        if (tablePages == 0)
        {
            throw new InvalidInputException(name, 0,
                "no catalogue table found in the scan: no ruled table with the five columns TT, Nhiệm vụ, Cơ quan chủ trì, Cơ quan " +
                "phối hợp, Thời gian thực hiện. Check that this is the decision's annex, or use the .docx. (Không tìm thấy bảng danh " +
                "mục trong bản quét: hãy kiểm tra lại hoặc dùng bản .docx.)");
        }

        // every cell read twice, as it is and binarised: where the readings differ OCR is unsure (flagged for review)
        var toRead = pieces.Where(x => x.Image is not null).ToList();
        var cells = toRead.Where(x => x.Kind == PieceKind.Cell).ToList();
        // a scan under 250 dpi is read enlarged (Tesseract wants letters about 300 dpi high); boxes come back page-sized
        var factor = source.Dpi < 250 ? (int)Math.Round(300.0 / Math.Max(1, source.Dpi)) : 1;
        var seconds = options.SecondReading ? cells.Select(x => Binarised(x.Image!, x.Threshold).Enlarge(factor)).ToList() : [];
        var lines = TesseractOcr.Read([.. toRead.Select(x => x.Image!.Enlarge(factor)), .. seconds], "ocr", folder, options, name);
        for (var i = 0; i < toRead.Count; i++)
        {
            toRead[i].Lines = Shrink(lines[i], factor);
        }

        for (var i = 0; i < seconds.Count; i++)
        {
            cells[i].Second = Shrink(lines[toRead.Count + i], factor);
        }

        layout = new ScanLayout(name, pieces);
        return layout.Read(units, options.ReviewThreshold, source.Count, source.Dpi);
    }

    /// <summary>Colour → grey without coloured ink → deskewed; the ink threshold; blank when (almost) no ink.</summary>
    internal static GreyPage Prepare(ColourPage colour, out int threshold, out bool blank)
    {
        var grey = InkFilter.ToGrey(colour);
        threshold = InkFilter.OtsuThreshold(grey);
        var t = threshold;
        blank = grey.Pixels.Count(v => v < t) < grey.Pixels.Length * BlankInkShare;
        if (blank)
        {
            return grey;
        }

        var angle = Deskew.FindAngle(grey, threshold);
        return Deskew.Rotate(grey, angle);
    }

    // The page cut into pieces: each table cell, and the text regions above the table (before it, on the pages up to
    // the table's first), below it (after it) and below the footnote separator (footnotes); a page without a table is one
    // region.
    private static IEnumerable<ScanPiece> Cut(GreyPage page, int threshold, int number, PageGrid? grid, bool beforeTable, ref int rowBase,
        int dpi)
    {
        var pieces = new List<ScanPiece>();
        var whole = new PixelBox(0, 0, page.Width, page.Height);
        if (grid is null)
        {
            pieces.Add(Piece(page, threshold, number, beforeTable ? PieceKind.Before : PieceKind.After, -1, null, whole, dpi));
            return pieces;
        }

        var seenTable = rowBase > 0;
        pieces.Add(Piece(page, threshold, number, seenTable ? PieceKind.After : PieceKind.Before, -1, null,
            new PixelBox(0, 0, page.Width, Math.Max(1, grid.Top - 2)), dpi));
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            foreach (var cell in grid.Rows[r].Cells)
            {
                pieces.Add(Piece(page, threshold, number, PieceKind.Cell, rowBase + r, cell, cell.Box, dpi));
            }
        }

        rowBase += grid.Rows.Count;
        var below = grid.Bottom + 3;
        var end = grid.Separator ?? page.Height;
        pieces.Add(Piece(page, threshold, number, PieceKind.After, -1, null, new PixelBox(0, below, page.Width, Math.Max(1, end - below)),
            dpi));
        if (grid.Separator is { } separator)
        {
            var from = separator + Math.Max(3, dpi / 50);
            pieces.Add(Piece(page, threshold, number, PieceKind.Footnote, -1, null,
                new PixelBox(0, from, page.Width, Math.Max(1, page.Height - from)), dpi));
        }

        return pieces;
    }

    private static ScanPiece Piece(GreyPage page, int threshold, int number, PieceKind kind, int row, GridCell? cell, PixelBox box, int dpi)
    {
        // the paper whitened halfway between the ink threshold and white (PaperLevel)
        var image = page.Crop(box.X, box.Y, box.Width, box.Height).Whitened(PaperLevel(threshold));
        image = cell is null ? image : image.WithoutEdgeSlivers(SliverBand(dpi));
        return new ScanPiece(number, kind, row, cell, box, HasInk(image, threshold, dpi) ? image : null) { Threshold = threshold };
    }

    /// <summary>How far from a cell's edge ink may lie and still be a sliver of the rule or of the next row (2 pixels at
    /// 150 dpi, 3 at 300).</summary>
    internal static int SliverBand(int dpi) => Math.Max(2, dpi / 100);

    /// <summary>The grey from which a pixel counts as paper: halfway between the page's ink threshold and white.</summary>
    internal static int PaperLevel(int threshold) => (threshold + 255 + 1) / 2;

    private static IReadOnlyList<OcrLine> Shrink(IReadOnlyList<OcrLine> lines, int factor) => factor <= 1 ? lines
        : [.. lines.Select(l => l with
        {
            Box = new PixelBox(l.Box.X / factor, l.Box.Y / factor, l.Box.Width / factor, l.Box.Height / factor),
        })];

    private static GreyPage Binarised(GreyPage image, int threshold) =>
        new(image.Width, image.Height, [.. image.Pixels.Select(v => v < threshold ? (byte)0 : (byte)255)]);

    // Ink that is more than specks: pixels with at least two inked neighbours, more than a few letters' worth of dots.
    private static bool HasInk(GreyPage image, int threshold, int dpi)
    {
        var needed = Math.Max(8, dpi * dpi / 1500);
        var count = 0;
        for (var y = 1; y < image.Height - 1; y++)
        {
            for (var x = 1; x < image.Width - 1; x++)
            {
                if (image[x, y] >= threshold)
                {
                    continue;
                }

                var neighbours = 0;
                for (var j = -1; j <= 1; j++)
                {
                    for (var i = -1; i <= 1; i++)
                    {
                        neighbours += (i != 0 || j != 0) && image[x + i, y + j] < threshold ? 1 : 0;
                    }
                }

                if (neighbours >= 2 && ++count >= needed)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
