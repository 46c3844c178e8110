using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace DanVan365.TestUtilities.Documents.Scans;

/// <summary>
/// Scans made from a digital PDF the way a copier would: every page rendered by pdftoppm (poppler) at a resolution, then
/// wrapped as an image-only PDF (no text layer) or kept as PNG pages. The expensive renderings are cached per test run.
/// </summary>
public static class ScanRender
{
    private static readonly Dictionary<(int Pdf, int Dpi), IReadOnlyList<byte[]>> Rendered = [];
    private static readonly Lock Gate = new();

    /// <summary>Every page of <paramref name="pdf"/> as PNG bytes at <paramref name="dpi"/> (cached by content and
    /// resolution).</summary>
    public static IReadOnlyList<byte[]> PngPages(byte[] pdf, int dpi)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var key = (HashCode(pdf), dpi);
        lock (Gate)
        {
            if (!Rendered.TryGetValue(key, out var pages))
            {
                pages = [.. PageRaster.RenderPng(pdf, dpi)];
                Rendered[key] = pages;
            }

            return pages;
        }
    }

    /// <summary>An image-only PDF: the pages of <paramref name="pdf"/> rendered at <paramref name="dpi"/>, each placed on a
    /// page of the original's size.</summary>
    public static byte[] ImagePdf(byte[] pdf, int dpi) => ImagePdf(PngPages(pdf, dpi), PageSize(pdf));

    /// <summary>An image-only PDF of PNG pages on pages of <paramref name="size"/> points.</summary>
    public static byte[] ImagePdf(IReadOnlyList<byte[]> pngPages, (double Width, double Height) size)
    {
        ArgumentNullException.ThrowIfNull(pngPages);
        var builder = new PdfDocumentBuilder();
        foreach (var png in pngPages)
        {
            var page = builder.AddPage(size.Width, size.Height);
            page.AddPng(png, new PdfRectangle(0, 0, size.Width, size.Height));
        }

        return builder.Build();
    }

    /// <summary>The first page's size in points.</summary>
    public static (double Width, double Height) PageSize(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        return (page.Width, page.Height);
    }

    private static int HashCode(byte[] bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
