namespace DanVan365.Documents.Catalogue.Scan;

/// <summary>Reads the binary PPM (P6, 8-bit) pages pdftoppm writes.</summary>
internal static class PpmReader
{
    /// <summary>The image, or null when the bytes are not an 8-bit P6 PPM of the size they announce.</summary>
    public static ColourPage? Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 2 || bytes[0] != (byte)'P' || bytes[1] != (byte)'6')
        {
            return null;
        }

        var at = 2;
        var fields = new int[3];
        for (var f = 0; f < 3; f++)
        {
            if (ReadNumber(bytes, ref at) is not { } value)
            {
                return null;
            }

            fields[f] = value;
        }

        at++; // the single whitespace after the maximum value
        var (width, height, max) = (fields[0], fields[1], fields[2]);
        var length = (long)width * height * 3;
        if (max != 255 || width <= 0 || height <= 0 || bytes.Length - at < length)
        {
            return null;
        }

        return new ColourPage(width, height, bytes.AsSpan(at, (int)length).ToArray());
    }

    private static int? ReadNumber(byte[] bytes, ref int at)
    {
        while (at < bytes.Length && (char.IsWhiteSpace((char)bytes[at]) || bytes[at] == (byte)'#'))
        {
            if (bytes[at] == (byte)'#')
            {
                while (at < bytes.Length && bytes[at] != (byte)'\n')
                {
                    at++;
                }
            }
            else
            {
                at++;
            }
        }

        var value = 0L;
        var digits = 0;
        while (at < bytes.Length && char.IsAsciiDigit((char)bytes[at]) && digits < 9)
        {
            value = (value * 10) + (bytes[at] - '0');
            at++;
            digits++;
        }

        return digits == 0 ? null : (int)value;
    }
}
