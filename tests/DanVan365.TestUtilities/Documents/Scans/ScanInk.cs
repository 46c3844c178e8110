using SkiaSharp;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>
/// What happens to a printed decision between the printer and the scanner, drawn with SkiaSharp: a red round stamp and a
/// blue signature (ink laid over the text, the text still showing through), the sheet fed a little askew, and the
/// photocopier's grey, grain and specks. Every random choice comes from the caller's seeded <see cref="Random"/>.
/// </summary>
public static class ScanInk
{
    /// <summary>The red of a stamp pad, laid semi-transparently (multiplied) over what is printed.</summary>
    public static readonly SKColor StampRed = new(214, 34, 48);

    /// <summary>The dark blue of a signing pen.</summary>
    public static readonly SKColor PenBlue = new(24, 40, 128);

    private const string StampText = "ỦY BAN NHÂN DÂN PHƯỜNG HẢI AN • TP. HẢI PHÒNG • ";

    /// <summary>A copy of <paramref name="bitmap"/> as 8-bit RGBA, the layout every function here reads and writes.</summary>
    public static SKBitmap Rgba(SKBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        var copy = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(copy);
        canvas.Clear(SKColors.White);
        canvas.DrawBitmap(bitmap, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return copy;
    }

    /// <summary>A round stamp of <paramref name="diameter"/> pixels centred on <paramref name="centre"/>: two rings, the
    /// committee's name around them and a star in the middle, in red ink multiplied over the page.</summary>
    public static void Stamp(SKBitmap page, SKPoint centre, float diameter, Random random)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(random);
        using var canvas = new SKCanvas(page);
        canvas.RotateDegrees((float)((random.NextDouble() * 40) - 20), centre.X, centre.Y); // nobody stamps straight
        var r = diameter / 2;
        using var ink = Ink(StampRed, 200, Math.Max(2, diameter / 70));
        canvas.DrawCircle(centre, r - ink.StrokeWidth, ink);
        ink.StrokeWidth = Math.Max(1, diameter / 140);
        canvas.DrawCircle(centre, r * 0.70f, ink);

        ink.Style = SKPaintStyle.Fill;
        using var typeface = SKTypeface.FromFamilyName("Liberation Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
        using var font = new SKFont(typeface, diameter * 0.085f);
        var textRadius = r * 0.76f;
        using var ringBuilder = new SKPathBuilder();
        ringBuilder.AddCircle(centre.X, centre.Y, textRadius, SKPathDirection.Clockwise);
        using var ring = ringBuilder.Detach();
        var circumference = (float)(2 * Math.PI * textRadius);
        var text = StampText;
        font.ScaleX = Math.Clamp(circumference * 0.97f / font.MeasureText(text), 0.5f, 1.4f);
        canvas.Save();
        canvas.RotateDegrees(-90, centre.X, centre.Y);
        canvas.DrawTextOnPath(text, ring, new SKPoint(0, 0), false, SKTextAlign.Left, font, ink);
        canvas.Restore();
        using var star = Star(centre, r * 0.28f);
        canvas.DrawPath(star, ink);
    }

    /// <summary>A signature: a few quick pen strokes in <see cref="PenBlue"/> across <paramref name="area"/>.</summary>
    public static void Signature(SKBitmap page, SKRect area, Random random)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(random);
        using var canvas = new SKCanvas(page);
        using var pen = Ink(PenBlue, 235, Math.Max(1.5f, area.Height / 18));
        pen.StrokeCap = SKStrokeCap.Round;
        pen.StrokeJoin = SKStrokeJoin.Round;
        float X(double f) => area.Left + (float)(f * area.Width);
        float Y(double f) => area.Top + (float)(f * area.Height);
        double Jitter(double f) => f + ((random.NextDouble() - 0.5) * 0.12);

        // A looped initial, a run of waves for the name, then an underline flourish back to the left.
        using var path = new SKPathBuilder();
        path.MoveTo(X(0.05), Y(Jitter(0.70)));
        path.CubicTo(X(0.02), Y(Jitter(0.05)), X(Jitter(0.30)), Y(0.0), X(0.22), Y(Jitter(0.55)));
        path.CubicTo(X(0.18), Y(0.85), X(0.10), Y(0.60), X(0.28), Y(Jitter(0.45)));
        for (var i = 0; i < 5; i++)
        {
            var x0 = 0.28 + (i * 0.12);
            path.CubicTo(X(x0 + 0.03), Y(Jitter(0.10)), X(x0 + 0.06), Y(Jitter(0.90)), X(x0 + 0.12), Y(Jitter(0.45)));
        }

        path.CubicTo(X(0.98), Y(0.30), X(0.95), Y(Jitter(0.95)), X(0.60), Y(Jitter(0.88)));
        path.CubicTo(X(0.40), Y(0.84), X(0.20), Y(Jitter(0.95)), X(0.08), Y(Jitter(0.98)));
        using var stroke = path.Detach();
        canvas.DrawPath(stroke, pen);
    }

    /// <summary><paramref name="page"/> turned <paramref name="degrees"/> (clockwise) about its centre on a white sheet of
    /// the same size, as a sheet fed askew is scanned.</summary>
    public static SKBitmap Rotate(SKBitmap page, double degrees)
    {
        ArgumentNullException.ThrowIfNull(page);
        var turned = new SKBitmap(page.Info);
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.White);
        canvas.RotateDegrees((float)degrees, page.Width / 2f, page.Height / 2f);
        using var image = SKImage.FromBitmap(page);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear), null);
        return turned;
    }

    /// <summary>Where a point of the page lands after <see cref="Rotate"/>.</summary>
    public static SKPoint Rotated(SKPoint point, double degrees, int width, int height)
    {
        var m = SKMatrix.CreateRotationDegrees((float)degrees, width / 2f, height / 2f);
        return m.MapPoint(point);
    }

    /// <summary>
    /// The photocopier's look: paper a little grey and print a little lighter, grain on every pixel and dark specks
    /// (<paramref name="specksPerPage"/>, up to <paramref name="speckRadius"/> pixels) scattered over the sheet.
    /// </summary>
    public static void Photocopy(SKBitmap page, Random random, int specksPerPage, float speckRadius)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(random);
        var pixels = page.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            // Sum of two uniforms: a triangular grain of ±14 levels, the same on the three channels (toner, not colour).
            var grain = (random.Next(15) + random.Next(15)) - 14;
            for (var c = 0; c < 3; c++)
            {
                var v = 28 + (pixels[i + c] * (238 - 28) / 255) + grain;
                pixels[i + c] = (byte)Math.Clamp(v, 0, 255);
            }
        }

        using var canvas = new SKCanvas(page);
        using var toner = new SKPaint { Color = new SKColor(40, 40, 40), IsAntialias = true, Style = SKPaintStyle.Fill };
        for (var s = 0; s < specksPerPage; s++)
        {
            var x = (float)(random.NextDouble() * page.Width);
            var y = (float)(random.NextDouble() * page.Height);
            canvas.DrawCircle(x, y, (float)(0.5 + (random.NextDouble() * (speckRadius - 0.5))), toner);
        }
    }

    private static SKPaint Ink(SKColor colour, byte alpha, float width) => new()
    {
        Color = colour.WithAlpha(alpha),
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = width,
        BlendMode = SKBlendMode.Multiply,
    };

    private static SKPath Star(SKPoint centre, float radius)
    {
        using var star = new SKPathBuilder();
        for (var k = 0; k < 10; k++)
        {
            var angle = (Math.PI / 2) + (k * Math.PI / 5);
            var rr = k % 2 == 0 ? radius : radius * 0.4;
            var p = new SKPoint(centre.X + (float)(rr * Math.Cos(angle)), centre.Y - (float)(rr * Math.Sin(angle)));
            if (k == 0)
            {
                star.MoveTo(p);
            }
            else
            {
                star.LineTo(p);
            }
        }

        star.Close();
        return star.Detach();
    }
}
