using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents;
using Microsoft.Extensions.Time.Testing;

namespace DanVan365.Cli.Tests.Commands;

/// <summary>`catalogue` on a PDF: a refusal prints file:page:line on stderr and exits 2.</summary>
public class CataloguePdfTests
{
    [Fact]
    public async Task Catalogue_PdfRowWithoutTimeFrame_Exit2FilePageLineOnStderr()
    {
        using var dir = new TempDir();
        var path = dir.File("qd-loi.pdf");
        var docx = DecisionForms.Save(BadDecisions.SecondPageRowWithoutTimeFrame());
        File.WriteAllBytes(path, LibreOffice.Convert(docx, "pdf", "qd-loi.docx"));

        var (exit, output, err) = await ConsoleRun.CaptureAsync((stdout, stderr) => CliApp.RunAsync(["catalogue", path], stdout, stderr,
            new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Matches(@"^.+qd-loi\.pdf:[2-9]:\d+: task 2\.1 ", err);
    }
}
