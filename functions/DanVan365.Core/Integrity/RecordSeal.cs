using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanVan365.Core.Sync;

namespace DanVan365.Core.Integrity;

/// <summary>What <see cref="RecordSeal.Verify"/> found.</summary>
public enum SealCheck
{
    /// <summary>No seal, or a seal that the values do not match: not written by DanVan365 (or changed since).</summary>
    Broken,

    /// <summary>Sealed with the current key: DanVan365 wrote exactly these values.</summary>
    Valid,

    /// <summary>Sealed with the previous key (a rotation is under way): authentic; re-seal with the current key.</summary>
    ValidPreviousKey,
}

/// <summary>
/// Proof of authorship of the values DanVan365 owns (docs/architecture.md "Records people can trust"): an HMAC-SHA256
/// over the list, the row's key and the owned values in their canonical form (<see cref="FieldValues.Text"/>, NFC, an
/// ISO 8601 date-time text as Graph reads it back (<see cref="IsoText"/>), ordinal order of column names). Only the app
/// holds the key (configuration, <see cref="IntegrityOptions"/>), so a member who edits a sealed value in SharePoint's
/// own views cannot produce a seal that verifies; a value copied from another row or list does not verify either (list
/// and key are sealed too). During a key rotation the previous key still verifies. The seal is text "s1." + 43
/// base64url characters (the full 256-bit MAC).
/// </summary>
public sealed class RecordSeal
{
    /// <summary>Prefix of a seal (the format's version).</summary>
    public const string Prefix = "s1.";

    private readonly byte[] _key;
    private readonly byte[]? _previousKey;

    public RecordSeal(byte[] key, byte[]? previousKey = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < IntegrityOptions.MinimumKeyBytes || previousKey is { Length: < IntegrityOptions.MinimumKeyBytes })
        {
            throw new ArgumentException($"A seal key has at least {IntegrityOptions.MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = [.. key];
        _previousKey = previousKey is null ? null : [.. previousKey];
    }

    /// <summary>True while a previous key is configured (a rotation under way).</summary>
    public bool Rotating => _previousKey is not null;

    /// <summary>The seal of <paramref name="values"/> of row <paramref name="rowKey"/> in list <paramref name="list"/>.</summary>
    public string Seal(string list, string rowKey, IReadOnlyDictionary<string, string?> values) =>
        Prefix + Mac(_key, list, rowKey, values);

    /// <summary>Whether <paramref name="seal"/> proves that DanVan365 wrote exactly <paramref name="values"/> on this row.</summary>
    public SealCheck Verify(string list, string rowKey, IReadOnlyDictionary<string, string?> values, string? seal)
    {
        if (seal is null || !seal.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SealCheck.Broken;
        }

        var given = Encoding.ASCII.GetBytes(seal[Prefix.Length..]);
        if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Mac(_key, list, rowKey, values))))
        {
            return SealCheck.Valid;
        }

        return _previousKey is not null
            && CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Mac(_previousKey, list, rowKey, values)))
                ? SealCheck.ValidPreviousKey
                : SealCheck.Broken;
    }

    private static string Mac(byte[] key, string list, string rowKey, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(rowKey);
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        text.Append(list).Append('\u001f').Append(rowKey.Normalize(NormalizationForm.FormC)).Append('\u001e');
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            // Each value is length-prefixed, "-" when there is none: an empty cell and a missing column seal alike, and no
            // text can pass for another split of the values.
            // A text that reads as an ISO 8601 date-time comes back from Graph as one (IsoText): sealed in that form.
            var canonical = IsoText.AsRead(FieldValues.Text(value));
            text.Append(name.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(name).Append('=');
            text.Append(canonical is null ? "-" : "+" + canonical.Length.ToString(CultureInfo.InvariantCulture) + ":" + canonical);
        }

        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
