using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace DanVan365.TestUtilities.Documents;

/// <summary>
/// Prints a PDF two pages per sheet, as an e-office printer or a scanner's "annex" profile does: each A4 landscape
/// sheet holds two logical portrait pages side by side with a gutter, and the sheet is stored rotated (a portrait
/// MediaBox with /Rotate 90, the content drawn turned a quarter anticlockwise so it shows upright). PDFsharp's
/// XPdfForm places each source page as a form XObject; its text stays text.
/// </summary>
public static class PdfTwoUp
{
    private const double SheetWidth = 842;  // displayed (landscape) A4
    private const double SheetHeight = 595;
    private const double Margin = 14;
    private const double Gutter = 28;

    /// <summary>The pages of <paramref name="pdf"/>, two per rotated landscape sheet (a last odd page alone on the left).</summary>
    public static byte[] Print(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        using var input = new MemoryStream(pdf);
        using var form = XPdfForm.FromStream(input);
        using var output = new PdfDocument();
        var slotWidth = (SheetWidth - (2 * Margin) - Gutter) / 2;
        var slotHeight = SheetHeight - (2 * Margin);
        for (var first = 1; first <= form.PageCount; first += 2)
        {
            var sheet = output.AddPage();
            sheet.Width = XUnit.FromPoint(SheetHeight); // stored portrait …
            sheet.Height = XUnit.FromPoint(SheetWidth);
            using (var gfx = XGraphics.FromPdfPage(sheet))
            {
                // … drawn in the displayed landscape frame (x right, y down): portrait (x, y) = (Y, 842 − X).
                gfx.MultiplyTransform(new XMatrix(0, -1, 1, 0, 0, SheetWidth));
                for (var n = first; n <= Math.Min(first + 1, form.PageCount); n++)
                {
                    form.PageNumber = n;
                    var scale = Math.Min(slotWidth / form.PointWidth, slotHeight / form.PointHeight);
                    var (width, height) = (form.PointWidth * scale, form.PointHeight * scale);
                    var left = Margin + ((n - first) * (slotWidth + Gutter)) + ((slotWidth - width) / 2);
                    gfx.DrawImage(form, left, Margin + ((slotHeight - height) / 2), width, height);
                }
            }

            sheet.Rotate = 90;
        }

        using var result = new MemoryStream();
        output.Save(result, closeStream: false);
        return result.ToArray();
    }
}
