using DanVan365.Core.Errors;

namespace DanVan365.Core.Integrity;

/// <summary>
/// The <c>Integrity</c> section: the key of <see cref="RecordSeal"/> (base64, at least 32 bytes) and, during a rotation,
/// the previous one. In Azure both come from Key Vault references in the Function App's settings, never from the
/// repository. A tenant target without <see cref="SealKey"/> refuses to start; the embedded local Microsoft 365 derives
/// its own (docs/architecture.md "Records people can trust").
/// </summary>
public sealed class IntegrityOptions
{
    public const string SectionName = "Integrity";

    /// <summary>Smallest key the seal accepts (HMAC-SHA256's block of security).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>The current key, base64.</summary>
    public string? SealKey { get; set; }

    /// <summary>The key before the last rotation, base64; values it sealed still verify and are re-sealed.</summary>
    public string? PreviousSealKey { get; set; }

    /// <summary>The decoded current key, or null when none is configured; throws on an unusable value.</summary>
    public byte[]? Key() => Decode(SealKey, nameof(SealKey));

    /// <summary>The decoded previous key, or null.</summary>
    public byte[]? PreviousKey() => Decode(PreviousSealKey, nameof(PreviousSealKey));

    /// <summary>Throws <see cref="ConfigurationException"/> on an unusable key (a missing one is checked per target).</summary>
    public void Validate()
    {
        var key = Key();
        var previous = PreviousKey();
        if (previous is not null && key is null)
        {
            throw new ConfigurationException($"{SectionName}:{nameof(SealKey)}", "is required when PreviousSealKey is set.");
        }

        if (key is not null && previous is not null && key.AsSpan().SequenceEqual(previous))
        {
            throw new ConfigurationException($"{SectionName}:{nameof(PreviousSealKey)}", "must differ from SealKey.");
        }
    }

    private static byte[]? Decode(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new ConfigurationException($"{SectionName}:{name}", "is not base64.");
        }

        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new ConfigurationException($"{SectionName}:{name}", $"must decode to at least {MinimumKeyBytes} bytes.");
    }
}
