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
