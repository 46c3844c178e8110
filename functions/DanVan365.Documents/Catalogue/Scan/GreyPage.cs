namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>A page as 8-bit grey pixels (0 black … 255 white), row by row, origin top left.</summary>
internal sealed class GreyPage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public byte[] Pixels { get; } = pixels;

    public byte this[int x, int y] => Pixels[(y * Width) + x];

    /// <summary>The rectangle as a new page (clipped to this one).</summary>
    public GreyPage Crop(int x, int y, int width, int height)
    {
        var x0 = Math.Clamp(x, 0, Width);
        var y0 = Math.Clamp(y, 0, Height);
        var w = Math.Clamp(x + width, 0, Width) - x0;
        var h = Math.Clamp(y + height, 0, Height) - y0;
        var pixels = new byte[w * h];
        for (var r = 0; r < h; r++)
        {
            Array.Copy(Pixels, ((y0 + r) * Width) + x0, pixels, r * w, w);
        }

        return new GreyPage(w, h, pixels);
    }

    /// <summary>The page with every pixel at least as light as <paramref name="level"/> made white: the paper's grain and
    /// a photocopy's grey go, the letters' anti-aliased edges stay (OCR misreads short text on a grainy ground).</summary>
    public GreyPage Whitened(int level) => new(Width, Height, [.. Pixels.Select(v => v >= level ? (byte)255 : v)]);

    /// <summary>The page enlarged <paramref name="factor"/> times (bilinear): OCR reads small print better enlarged.</summary>
    public GreyPage Enlarge(int factor)
    {
        if (factor <= 1)
        {
            return this;
        }

        var (w, h) = (Width * factor, Height * factor);
        var pixels = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            var sy = Math.Clamp(((y + 0.5) / factor) - 0.5, 0, Height - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, Height - 1);
            var fy = sy - y0;
            for (var x = 0; x < w; x++)
            {
                var sx = Math.Clamp(((x + 0.5) / factor) - 0.5, 0, Width - 1);
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, Width - 1);
                var fx = sx - x0;
                var top = (this[x0, y0] * (1 - fx)) + (this[x1, y0] * fx);
                var bottom = (this[x0, y1] * (1 - fx)) + (this[x1, y1] * fx);
                pixels[(y * w) + x] = (byte)Math.Round((top * (1 - fy)) + (bottom * fy));
            }
        }

        return new GreyPage(w, h, pixels);
    }

    /// <summary>The page as a binary PGM (P5) file, with a white border of <paramref name="pad"/> pixels (Tesseract reads
    /// text touching the edge badly).</summary>
    public byte[] ToPgm(int pad)
    {
        var w = Width + (2 * pad);
        var h = Height + (2 * pad);
        var header = System.Text.Encoding.ASCII.GetBytes(FormattableString.Invariant($"P5\n{w} {h}\n255\n"));
        var bytes = new byte[header.Length + (w * h)];
        header.CopyTo(bytes, 0);
        bytes.AsSpan(header.Length).Fill(255);
        for (var r = 0; r < Height; r++)
        {
            Array.Copy(Pixels, r * Width, bytes, header.Length + ((r + pad) * w) + pad, Width);
        }

        return bytes;
    }
}

/// <summary>A decoded page in colour: RGB, 3 bytes a pixel, row by row.</summary>
internal sealed record ColourPage(int Width, int Height, byte[] Rgb);
