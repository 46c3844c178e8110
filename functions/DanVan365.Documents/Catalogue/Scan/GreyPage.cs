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

    /// <summary>The page without the slivers along its edges: every patch of ink (non-white pixels, 8-connected) that
    /// touches an edge and stays within <paramref name="band"/> pixels of it is whitened. A cell cut close to its rules keeps
    /// the tone marks of a first line set against the rule (cut 4 pixels in, the hook above read as an acute: "triến" for
    /// "triển"); what comes in with them — the rule's last pixels, the tip of a mark from the next row — is such a sliver
    /// (OCR read it "¬", "_", "-"). A mark of the cell's own text reaches further in and stays.</summary>
    public GreyPage WithoutEdgeSlivers(int band)
    {
        var pixels = (byte[])Pixels.Clone();
        var seen = new bool[pixels.Length];
        var patch = new List<int>();
        var stack = new Stack<int>();
        foreach (var start in EdgePixels())
        {
            if (seen[start] || pixels[start] == 255)
            {
                continue;
            }

            patch.Clear();
            var (left, top, right, bottom) = (Width, Height, -1, -1);
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                patch.Add(at);
                var (x, y) = (at % Width, at / Width);
                (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                for (var j = Math.Max(0, y - 1); j <= Math.Min(Height - 1, y + 1); j++)
                {
                    for (var i = Math.Max(0, x - 1); i <= Math.Min(Width - 1, x + 1); i++)
                    {
                        var next = (j * Width) + i;
                        if (!seen[next] && pixels[next] < 255)
                        {
                            seen[next] = true;
                            stack.Push(next);
                        }
                    }
                }
            }

            var sliver = (top == 0 && bottom < band) || (bottom == Height - 1 && top >= Height - band)
                || (left == 0 && right < band) || (right == Width - 1 && left >= Width - band);
            if (sliver)
            {
                foreach (var at in patch)
                {
                    pixels[at] = 255;
                }
            }
        }

        return new GreyPage(Width, Height, pixels);
    }

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

    // The pixels on the page's four edges (corners more than once).
    private IEnumerable<int> EdgePixels()
    {
        for (var x = 0; x < Width; x++)
        {
            yield return x;
            yield return ((Height - 1) * Width) + x;
        }

        for (var y = 0; y < Height; y++)
        {
            yield return y * Width;
            yield return (y * Width) + Width - 1;
        }
    }
}

/// <summary>A decoded page in colour: RGB, 3 bytes a pixel, row by row.</summary>
internal sealed record ColourPage(int Width, int Height, byte[] Rgb);
