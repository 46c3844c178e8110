using System.Diagnostics;
using System.Globalization;
using System.Text;
using DanVan365.Core.Units;
using DanVan365.Documents.Catalogue;
using DanVan365.TestUtilities;
using DanVan365.TestUtilities.Catalogue;
using DanVan365.TestUtilities.Documents;

namespace DanVan365.Benchmarks;

/// <summary>
/// Figures for issue 14: import time and memory of the bundled decision and of a synthetic 500-task decision, each
/// as a text extraction, a .docx and a PDF (exported by LibreOffice; the text form of the synthetic decision is the
/// PDF's rebuilt text). Time is the median of 5 runs after a warm-up; memory is what one import allocates and the
/// process's peak working set after the runs.
/// </summary>
public static class ImportBenchmark
{
    public static int Run()
    {
        var units = UnitDirectory.LoadDefault();
        var bundledDocx = DecisionForms.Docx(FootnoteMarkStyle.Reference);
        var bundledPdf = DecisionForms.RuledPdf;
        var syntheticDocx = DecisionForms.Save(DecisionDocxBuilder.Synthetic(500));
        var syntheticPdf = LibreOffice.Convert(syntheticDocx, "pdf", "qd-500.docx");
        using var pdfStream = new MemoryStream(syntheticPdf);
        var syntheticText = Encoding.UTF8.GetBytes(string.Join('\n', PdfDecisionImporter.ReadLines(pdfStream, "qd-500.pdf")));

        Console.WriteLine("Import benchmark (median of 5 after a warm-up)");
        Console.WriteLine("decision              form   bytes      tasks   ms      allocated MB   peak working set MB");
        var cases = new (string Decision, string Form, byte[] Bytes)[]
        {
            ("bundled (31 entries)", ".txt", File.ReadAllBytes(TestData.DecisionTextPath)),
            ("bundled (31 entries)", ".docx", bundledDocx),
            ("bundled (31 entries)", ".pdf", bundledPdf),
            ("synthetic 500 tasks", ".txt", syntheticText),
            ("synthetic 500 tasks", ".docx", syntheticDocx),
            ("synthetic 500 tasks", ".pdf", syntheticPdf),
        };
        foreach (var (decision, form, bytes) in cases)
        {
            var tasks = Import(bytes, form, units);
            var times = new List<double>();
            long allocated = 0;
            for (var i = 0; i < 5; i++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                Import(bytes, form, units);
                times.Add(watch.Elapsed.TotalMilliseconds);
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            times.Sort();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{decision,-21} {form,-6} {bytes.Length,-10} {tasks,-7} {times[2],-7:0.0} {allocated / 1048576.0,-14:0.0} " +
                    $"{process.PeakWorkingSet64 / 1048576.0:0}"));
        }

        return 0;
    }

    private static int Import(byte[] bytes, string form, UnitDirectory units)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return DecisionImporters.Import(stream, "qd" + form, units).Tasks.Count;
    }
}
