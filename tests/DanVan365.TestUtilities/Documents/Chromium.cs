using System.Diagnostics;
using Xunit;

namespace DanVan365.TestUtilities.Documents;

/// <summary>Runs Debian's chromium headless to print HTML to PDF. Fails, never skips, when it is missing.</summary>
public static class Chromium
{
    public const string Missing =
        "Chromium is not installed. Run .ci/run, which installs the Debian package chromium (or: apt-get install -y chromium).";

    /// <summary>Prints <paramref name="html"/> (a whole document) to PDF as "Save as PDF" does, without header or footer.</summary>
    public static byte[] PrintToPdf(string html)
    {
        Tools.TestTools.EnsureDebianPackages("chromium", "chromium");
        var chromium = Tools.TestTools.Find("chromium");
        Assert.True(chromium is not null, Missing);
        using var dir = new TempDir();
        var input = dir.Write("decision.html", html);
        var output = dir.File("decision.pdf");
        var psi = new ProcessStartInfo(chromium!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--no-pdf-header-footer", "--user-data-dir=" + dir.File("profile"), "--print-to-pdf=" + output,
            new Uri(input).AbsoluteUri })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["HOME"] = dir.Path;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 2 minutes.");
        }

        Assert.True(File.Exists(output), $"chromium printed nothing (exit {process.ExitCode}): {stdout.Result} {stderr.Result}");
        return File.ReadAllBytes(output);
    }
}
