using DanVan365.Core.Catalogue;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>Connected ink in part of an image, and the median the image-measuring mends calibrate from
/// (<see cref="OcrStops"/>, <see cref="OcrTittles"/>).</summary>
internal static class InkPieces
{
    /// <summary>The 8-connected pieces of ink (darker than mid-grey) inside <paramref name="area"/>, as boxes, in the order
    /// their top-left pixel is met row by row.</summary>
    public static List<(int Left, int Top, int Right, int Bottom)> In(GreyPage image, PixelBox area) => Labelled(image, area).Pieces;

    /// <summary>The pieces of <see cref="In"/>, and which piece each pixel of the area belongs to (its index in the list,
    /// -1 for no ink), row by row.</summary>
    public static (List<(int Left, int Top, int Right, int Bottom)> Pieces, int[] Labels) Labelled(GreyPage image, PixelBox area)
    {
        ArgumentNullException.ThrowIfNull(image);
        var labels = Enumerable.Repeat(-1, Math.Max(0, area.Width * area.Height)).ToArray();
        var result = new List<(int, int, int, int)>();
        bool Ink(int x, int y) => x >= area.X && y >= area.Y && x < area.X + area.Width && y < area.Y + area.Height
            && image[x, y] < 128;
        int At(int x, int y) => ((y - area.Y) * area.Width) + x - area.X;
        for (var y = area.Y; y < area.Y + area.Height; y++)
        {
            for (var x = area.X; x < area.X + area.Width; x++)
            {
                if (labels[At(x, y)] >= 0 || !Ink(x, y))
                {
                    continue;
                }

                var (left, top, right, bottom) = (x, y, x, y);
                var stack = new Stack<(int X, int Y)>([(x, y)]);
                labels[At(x, y)] = result.Count;
                while (stack.Count > 0)
                {
                    var p = stack.Pop();
                    (left, top, right, bottom) = (Math.Min(left, p.X), Math.Min(top, p.Y), Math.Max(right, p.X), Math.Max(bottom, p.Y));
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (nx, ny) = (p.X + dx, p.Y + dy);
                            if (Ink(nx, ny) && labels[At(nx, ny)] < 0)
                            {
                                labels[At(nx, ny)] = result.Count;
                                stack.Push((nx, ny));
                            }
                        }
                    }
                }

                result.Add((left, top, right, bottom));
            }
        }

        return (result, labels);
    }

    /// <summary>The area OCR's box gives (in the image padded by <see cref="TesseractOcr.Pad"/>) cut to the image; empty
    /// when nothing of it lies in the image.</summary>
    public static PixelBox OcrBoxInImage(GreyPage image, PixelBox padded)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (x0, y0) = (Math.Max(0, padded.X - TesseractOcr.Pad), Math.Max(0, padded.Y - TesseractOcr.Pad));
        var (x1, y1) = (Math.Min(image.Width, padded.X - TesseractOcr.Pad + padded.Width),
            Math.Min(image.Height, padded.Y - TesseractOcr.Pad + padded.Height));
        return x1 > x0 && y1 > y0 ? new PixelBox(x0, y0, x1 - x0, y1 - y0) : new PixelBox(0, 0, 0, 0);
    }

    /// <summary>The pieces of ink inside a box OCR gave (in the image padded by <see cref="TesseractOcr.Pad"/>), cut to
    /// the image.</summary>
    public static List<(int Left, int Top, int Right, int Bottom)> InOcrBox(GreyPage image, PixelBox padded) =>
        In(image, OcrBoxInImage(image, padded));

    /// <summary>The median of <paramref name="values"/> (at least one).</summary>
    public static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }
}
