using System.Diagnostics;
using SkiaSharp;
using Xunit;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>A PDF's pages rendered in colour by poppler's pdftoppm, as a scanner would see the printed sheets.</summary>
public static class PageRaster
{
    /// <summary>Every page of <paramref name="pdf"/> at <paramref name="dpi"/>, in page order (the caller disposes them).</summary>
    public static IReadOnlyList<SKBitmap> Render(byte[] pdf, int dpi) =>
        [.. RenderPng(pdf, dpi).Select(png =>
            SKBitmap.Decode(png) ?? throw new InvalidOperationException("pdftoppm wrote an unreadable PNG"))];

    /// <summary>Every page of <paramref name="pdf"/> at <paramref name="dpi"/> as PNG bytes, in page order.</summary>
    public static IReadOnlyList<byte[]> RenderPng(byte[] pdf, int dpi)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        Tools.TestTools.EnsureDebianPackages("pdftoppm", "poppler-utils");
        using var dir = new TempDir();
        var input = dir.WriteBytes("in.pdf", pdf);
        var psi = new ProcessStartInfo("pdftoppm") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), input,
            dir.File("page") })
        {
            psi.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(psi)!)
        {
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("pdftoppm did not finish within 3 minutes.");
            }

            Assert.True(process.ExitCode == 0, "pdftoppm failed (install poppler-utils): " + error.Result);
        }

        // pdftoppm names pages page-1.png … or page-01.png … (zero-padded to the page count's width): sort by number.
        return [.. Directory.GetFiles(dir.Path, "page-*.png")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f)[5..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(File.ReadAllBytes)];
    }
}
