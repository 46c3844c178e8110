using System.Diagnostics;
using Xunit;

namespace DanVan365.TestUtilities.Documents;

/// <summary>Runs LibreOffice headless (soffice). Fails, never skips, when it is missing.</summary>
public static class LibreOffice
{
    public const string Missing =
        "LibreOffice (soffice) is not installed. Run .ci/run, which installs the Debian packages " +
        "libreoffice-writer-nogui, poppler-utils and fonts-liberation (or: apt-get install -y libreoffice-writer-nogui poppler-utils " +
            "fonts-liberation).";

    public static string? Find()
    {
        // A fresh machine gets the Debian packages here (as .ci/run installs them up front).
        DanVan365.TestUtilities.Tools.TestTools.EnsureDebianPackages("soffice", "libreoffice-writer-nogui", "poppler-utils",
            "fonts-liberation");
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "soffice");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return File.Exists("/usr/bin/soffice") ? "/usr/bin/soffice" : null;
    }

    /// <summary>
    /// Converts <paramref name="docx"/> to the given format ("pdf", "docx", or with filter options such as
    /// "pdf:writer_pdf_Export:{…}") and returns the output bytes.
    /// </summary>
    public static byte[] Convert(byte[] docx, string format, string name = "input.docx")
    {
        var soffice = Find();
        Assert.True(soffice is not null, Missing);
        var work = Path.Combine(Path.GetTempPath(), "danvan365-lo-" + Guid.NewGuid().ToString("N"));
        var input = Path.Combine(work, "in");
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(input);
        Directory.CreateDirectory(output);
        try
        {
            File.WriteAllBytes(Path.Combine(input, name), docx);
            var psi = new ProcessStartInfo(soffice!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-env:UserInstallation=file://" + Path.Combine(work, "profile"), "--headless", "--norestore",
                "--convert-to", format, "--outdir", output, Path.Combine(input, name) })
            {
                psi.ArgumentList.Add(arg);
            }

            psi.Environment["HOME"] = work;
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("soffice did not finish within 3 minutes.");
            }

            var file = Directory.GetFiles(output).SingleOrDefault();
            Assert.True(file is not null, $"soffice produced nothing (exit {process.ExitCode}): {stdout.Result} {stderr.Result}");
            return File.ReadAllBytes(file!);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
