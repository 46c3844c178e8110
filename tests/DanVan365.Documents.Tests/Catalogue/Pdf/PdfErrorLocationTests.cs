using System.Diagnostics;
using DanVan365.Core.Errors;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents;

namespace DanVan365.Documents.Tests.Catalogue.Pdf;

/// <summary>A refusal while reading a PDF names file:page:line, the line counted from the top of that page.</summary>
public class PdfErrorLocationTests
{
    [Fact]
    public void Import_RowWithoutTimeFrameOnSecondPage_ErrorNamesPageAndLineOfThatRow()
    {
        var pdf = LibreOffice.Convert(DecisionForms.Save(BadDecisions.SecondPageRowWithoutTimeFrame()), "pdf", "qd-loi.docx");
        var (page, line) = WherePopplerFinds(pdf, "2.1 ");
        Assert.True(page >= 2, $"the row should be on a later page, found on page {page}");

        using var stream = new MemoryStream(pdf);
        var ex = Assert.Throws<InvalidInputException>(() => DecisionImporters.Import(stream, "qd-loi.pdf", Bundled.Units));

        Assert.Contains("2.1", ex.Reason, StringComparison.Ordinal);
        Assert.Equal((page, line), (ex.Page, ex.Line));
        Assert.StartsWith($"qd-loi.pdf:{page}:{line}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidInputException_WithoutPage_KeepsFileLineFormat()
    {
        var ex = new InvalidInputException("qd.txt", 12, "lý do");

        Assert.Null(ex.Page);
        Assert.Equal("qd.txt:12: lý do", ex.Message);
    }

    // The page and the line on it (non-empty lines from the top) where poppler's pdftotext shows `start`.
    private static (int Page, int Line) WherePopplerFinds(byte[] pdf, string start)
    {
        using var dir = new TempDir();
        var path = dir.File("qd.pdf");
        File.WriteAllBytes(path, pdf);
        for (var page = 1; page < 20; page++)
        {
            var psi = new ProcessStartInfo("pdftotext", ["-layout", "-f", $"{page}", "-l", $"{page}", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(psi)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                break;
            }

            var lines = text.Split('\n').Where(l => l.Trim().Length > 0 && l.Trim() != "\f").Select(l => l.Trim()).ToList();
            var at = lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
            if (at >= 0)
            {
                return (page, at + 1);
            }
        }

        throw new InvalidOperationException($"pdftotext did not find a line starting with \"{start}\"");
    }
}
