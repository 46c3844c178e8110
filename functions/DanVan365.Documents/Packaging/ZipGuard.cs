using System.Globalization;
using System.IO.Compression;
using DanVan365.Core.Reporting;

namespace DanVan365.Documents.Packaging;

/// <summary>Limits on a .docx's zip before Open XML opens it (returns and decisions alike).</summary>
/// <param name="MaxUncompressedBytes">Largest total of the zip's entries once expanded (default 60 MB).</param>
/// <param name="MaxCompressionRatio">Largest expanded/compressed ratio for an entry above 1 MB expanded (default 100).</param>
/// <param name="MaxEntries">Most zip entries (default 1,000).</param>
public sealed record ZipLimits(long MaxUncompressedBytes = 60 * 1024 * 1024, int MaxCompressionRatio = 100, int MaxEntries = 1000)
{
    /// <summary>The defaults.</summary>
    public static ZipLimits Default { get; } = new();
}

/// <summary>Why a zip was refused: <see cref="RejectionKind.ZipBomb"/> or <see cref="RejectionKind.CorruptFile"/>, and the
/// message people read (Vietnamese).</summary>
public sealed record ZipProblem(RejectionKind Kind, string Message);

/// <summary>
/// The one guard every .docx passes before Open XML sees it: entry count, declared and real expanded size (declared sizes
/// can lie), and the expansion ratio of large entries.
/// </summary>
public static class ZipGuard
{
    private const long RatioFloor = 1024 * 1024;

    /// <summary>The problem with the zip, or null when it is within the limits.</summary>
    public static ZipProblem? Check(byte[] file, ZipLimits limits)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                return Bomb(string.Create(CultureInfo.InvariantCulture,
                    $"Tệp nén có {zip.Entries.Count} mục, quá giới hạn {limits.MaxEntries}."));
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUncompressedBytes)
                {
                    return Bomb(string.Create(CultureInfo.InvariantCulture,
                        $"Nội dung giải nén vượt {limits.MaxUncompressedBytes / (1024 * 1024)} MB."));
                }

                if (entry.Length > RatioFloor && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    return Bomb(string.Create(CultureInfo.InvariantCulture,
                        $"Mục \"{entry.FullName}\" nén với tỷ lệ bất thường ({entry.Length / Math.Max(entry.CompressedLength, 1)}:1)."));
                }
            }

            return ExpandCounting(zip, limits);
        }
        catch (InvalidDataException e)
        {
            return new ZipProblem(RejectionKind.CorruptFile, "Tệp không phải tệp .docx hợp lệ (tệp nén hỏng): " + e.Message);
        }
    }

    /// <summary>Expands every entry for real, counting, and stops at the limit.</summary>
    private static ZipProblem? ExpandCounting(ZipArchive zip, ZipLimits limits)
    {
        long actual = 0;
        var sink = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            long entryBytes = 0;
            int n;
            while ((n = stream.Read(sink, 0, sink.Length)) > 0)
            {
                entryBytes += n;
                actual += n;
                if (actual > limits.MaxUncompressedBytes || entryBytes > entry.Length)
                {
                    return Bomb($"Mục \"{entry.FullName}\" giải nén lớn hơn khai báo hoặc vượt giới hạn.");
                }
            }
        }

        return null;
    }

    private static ZipProblem Bomb(string message) => new(RejectionKind.ZipBomb, message);
}
