using System.Diagnostics;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace DanVan365.TestUtilities.Documents;

/// <summary>PDFs a ward might be sent instead of a digital decision: a scan (image only) and a password-protected export.</summary>
public static class PdfSamples
{
    /// <summary>Page 1 of <paramref name="pdf"/> rendered to PNG by pdftoppm (poppler) and wrapped alone in a new PDF: no text
    /// layer.</summary>
    public static byte[] Scanned(byte[] pdf)
    {
        using var dir = new TempDir();
        var input = dir.File("in.pdf");
        File.WriteAllBytes(input, pdf);
        var psi = new ProcessStartInfo("pdftoppm") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in new[] { "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", input, dir.File("page") })
        {
            psi.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(psi)!)
        {
            var error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)) && process.ExitCode == 0,
                "pdftoppm failed (install poppler-utils): " + error);
        }

        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(595, 842);
        page.AddPng(File.ReadAllBytes(dir.File("page.png")), new PdfRectangle(0, 0, 595, 842));
        return builder.Build();
    }

    /// <summary>The .docx exported to PDF by LibreOffice with an open password.</summary>
    public static byte[] Encrypted(byte[] docx) =>
        LibreOffice.Convert(docx, "pdf:writer_pdf_Export:{\"EncryptFile\":{\"type\":\"boolean\",\"value\":\"true\"},"
            + "\"DocumentOpenPassword\":{\"type\":\"string\",\"value\":\"mat-khau\"}}", "qd.docx");
}
