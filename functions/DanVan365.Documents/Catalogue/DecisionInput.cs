using System.Globalization;
using System.Text;
using DanVan365.Core.Errors;

namespace DanVan365.Documents.Catalogue;

/// <summary>Input guard shared by the importers: size, emptiness, binary data, encoding (streams only: the edges open files).</summary>
public static class DecisionInput
{
    /// <summary>Largest decision accepted (checked by size before reading).</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>
    /// Reads the whole stream into memory, refusing one that is empty or larger than <see cref="MaxBytes"/> (by its
    /// length when the stream knows it, else by reading no more than one byte past the limit).
    /// </summary>
    public static byte[] ReadAll(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            throw TooLarge(name, stream.Length - stream.Position);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw TooLarge(name, buffer.Length);
            }
        }

        if (buffer.Length == 0)
        {
            throw new InvalidInputException(name, 0, "file is empty");
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a text extraction: strict UTF-8 (BOM allowed), no binary data; returns its lines without line ends.</summary>
    public static IReadOnlyList<string> ReadTextLines(Stream stream, string name)
    {
        var path = name;
        var bytes = ReadAll(stream, name);
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw new InvalidInputException(path, LineAt(bytes, nul), "binary data (NUL bytes): not a text extraction of a decision");
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var at = FirstInvalidUtf8(bytes, start);
            throw new InvalidInputException(path, LineAt(bytes, at),
                "text is not UTF-8; legacy Vietnamese encodings (TCVN3/ABC, VNI, VISCII) look like this — convert the file to Unicode " +
                "UTF-8 first", ex);
        }

        if (text.All(char.IsWhiteSpace))
        {
            throw new InvalidInputException(path, 0, "file is empty (whitespace only)");
        }

        var controls = text.Select((c, i) => (c,
            i)).FirstOrDefault(x => char.IsControl(x.c) && x.c is not '\n' and not '\r' and not '\t' and not '\f');
        if (controls.c != default)
        {
            throw new InvalidInputException(path, text.AsSpan(0, controls.i).Count('\n') + 1,
                "binary data (control characters): not a text extraction of a decision");
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\f', '\n').Split('\n');
    }

    private static InvalidInputException TooLarge(string name, long length) =>
        new(name, 0, string.Create(CultureInfo.InvariantCulture,
            $"file is {length / (1024.0 * 1024.0):0.0} MB; decisions larger than {MaxBytes / (1024 * 1024)} MB are refused (Tệp quá lớn: " +
            $"quyết định lớn hơn {MaxBytes / (1024 * 1024)} MB không được nhận)"));

    private static int LineAt(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        var span = bytes.AsSpan(start);
        var offset = 0;
        while (offset < span.Length)
        {
            if (System.Buffers.OperationStatus.Done != Rune.DecodeFromUtf8(span[offset..], out _, out var consumed))
            {
                return start + offset;
            }

            offset += consumed;
        }

        return bytes.Length;
    }
}
