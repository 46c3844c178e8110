using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using DanVan365.Core.Errors;

namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>Runs the scan reader's outside programs (Tesseract, pdftoppm): one thread for OCR, a timeout, and clear
/// messages when a program is missing, fails or runs too long.</summary>
internal static class ScanTools
{
    /// <summary>Runs <paramref name="command"/> and returns its standard output; <paramref name="package"/> names the
    /// Debian package(s) that provide it (for the message when it is missing).</summary>
    public static string Run(string command, IEnumerable<string> arguments, string package, string file, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        psi.Environment["OMP_THREAD_LIMIT"] = "1"; // Tesseract: one core per process
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw Missing(command, package, file, null);
        }
        catch (Win32Exception ex)
        {
            throw Missing(command, package, file, ex);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new InvalidInputException(file, 0, string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(command)} did not finish within {timeout.TotalSeconds:0} seconds reading the scan: the scan is " +
                    $"too large or the machine too busy; try again, or use the digital file (.docx). (Đọc bản quét quá " +
                    $"{timeout.TotalSeconds:0} giây: hãy thử lại hoặc dùng bản .docx.)"));
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var reason = error.Result.Trim();
                reason = reason.Length > 300 ? reason[..300] : reason;
                throw new InvalidInputException(file, 0, string.Create(CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(command)} failed (exit {process.ExitCode}) reading the scan: {reason}. Check the file, or use " +
                    $"the digital file (.docx). (Không đọc được bản quét: hãy kiểm tra tệp hoặc dùng bản .docx.)"));
            }

            return output.Result;
        }
    }

    private static InvalidInputException Missing(string command, string package, string file, Exception? inner) => new(file, 0,
        $"'{command}' is not installed, so scanned decisions cannot be read on this machine: install the Debian package(s) " +
        $"{package}, or use the digital file (.docx). (Máy này chưa cài {package} nên không đọc được bản quét: hãy cài đặt, " +
        $"hoặc dùng bản .docx.)", inner);
}

/// <summary>A temporary folder for one scan's page images and cell crops, always deleted on dispose.</summary>
internal sealed class ScanWorkFolder : IDisposable
{
    public ScanWorkFolder(string? root)
    {
        Path = System.IO.Path.Combine(root ?? System.IO.Path.GetTempPath(), "danvan365-scan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
