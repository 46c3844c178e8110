using DanVan365.Core.Errors;
using DanVan365.Core.Text;

namespace DanVan365.Core.Reporting;

/// <summary>
/// How a ward closes its compiled report (section "Report" of a ward: <c>Ward:Report</c> in the CLI's settings,
/// <c>Wards:N:Report</c> in the Functions'), bound and validated where the ward is assembled at start-up. Every value is
/// optional: what is not set comes from the decision (<see cref="WardIdentity.From"/>): its issuer, its "Nơi nhận", its
/// signer and signing capacity, and its aggregating unit for "Lưu: VT, …".
/// </summary>
public sealed class ReportOptions
{
    /// <summary>The section's name inside a ward's settings.</summary>
    public const string SectionName = "Report";

    /// <summary>Longest recipient, place or filing line accepted.</summary>
    public const int MaxLineLength = 200;

    /// <summary>"Nơi nhận" entries before the final "- Lưu: VT, …." (without the dash and the ";"); empty: the decision's
    /// recipients except "Như Điều …" and its own "Lưu".</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The signer's name; empty: the decision's signer. Set together with <see cref="SignerCapacity"/>.</summary>
    public string? Signer { get; set; }

    /// <summary>Signing capacity lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]; empty: the decision's.</summary>
    public List<string> SignerCapacity { get; set; } = [];

    /// <summary>What follows "Lưu: VT, " (the drafting unit's abbreviation); empty: the decision's aggregating unit.</summary>
    public string? Filing { get; set; }

    /// <summary>The place written before the date ("Hải An, ngày …"); empty: the ward's name.</summary>
    public string? Place { get; set; }

    /// <summary>
    /// Checks the values; a bad one throws <see cref="ConfigurationException"/> naming "<paramref name="section"/>:Setting".
    /// </summary>
    /// <param name="section">Where the section sits, e.g. "Wards:0:Report" or "Ward:Report".</param>
    public void Validate(string section)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Recipients.Count; i++)
        {
            var setting = $"{section}:{nameof(Recipients)}:{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            var line = VietnameseText.Normalize(Recipients[i]);
            Line(setting, line);
            if (line.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(setting, $"\"Lưu: VT, …\" is written from {section}:{nameof(Filing)}, not a recipient.");
            }

            if (!seen.Add(VietnameseText.MatchKey(line)))
            {
                throw new ConfigurationException(setting, $"repeats the recipient \"{line}\".");
            }
        }

        var hasSigner = !string.IsNullOrWhiteSpace(Signer);
        if (hasSigner != (SignerCapacity.Count > 0))
        {
            throw new ConfigurationException($"{section}:{(hasSigner ? nameof(SignerCapacity) : nameof(Signer))}",
                $"is missing: {nameof(Signer)} and {nameof(SignerCapacity)} are set together (e.g. \"TM. ỦY BAN NHÂN DÂN\", " +
                    "\"KT. CHỦ TỊCH\", \"PHÓ CHỦ TỊCH\").");
        }

        if (hasSigner)
        {
            Line($"{section}:{nameof(Signer)}", VietnameseText.Normalize(Signer));
        }

        if (SignerCapacity.Count > 4)
        {
            throw new ConfigurationException($"{section}:{nameof(SignerCapacity)}", "has more than 4 lines.");
        }

        foreach (var capacity in SignerCapacity)
        {
            Line($"{section}:{nameof(SignerCapacity)}", VietnameseText.Normalize(capacity));
        }

        if (Filing is not null)
        {
            Line($"{section}:{nameof(Filing)}", VietnameseText.Normalize(Filing));
        }

        if (Place is not null)
        {
            Line($"{section}:{nameof(Place)}", VietnameseText.Normalize(Place));
        }
    }

    private static void Line(string setting, string value)
    {
        if (value.Length == 0)
        {
            throw new ConfigurationException(setting, "is blank.");
        }

        if (value.Length > MaxLineLength)
        {
            throw new ConfigurationException(setting, $"is longer than {MaxLineLength} characters.");
        }

        if (value.Contains(';', StringComparison.Ordinal))
        {
            throw new ConfigurationException(setting, "holds a \";\": give one entry per line.");
        }
    }
}
