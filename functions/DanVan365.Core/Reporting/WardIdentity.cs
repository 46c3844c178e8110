using System.Text.RegularExpressions;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>
/// Who issues the report and how it closes: the ward's kind and name (heading, "Ủy ban nhân dân phường …"), the place
/// written before the date, the filing unit of "Lưu: VT, …", the recipients ("Nơi nhận") and the signature. Built by
/// <see cref="From"/> from the decision and the ward's <see cref="ReportOptions"/>; nothing of it is fixed in code.
/// </summary>
/// <param name="Kind">"phường", "xã" or "đặc khu".</param>
/// <param name="Name">e.g. "Hải An".</param>
/// <param name="Place">Place before the date, e.g. "Hải An".</param>
/// <param name="FilingUnit">Abbreviation of the drafting unit in "Lưu: VT, …", e.g. "VHXH" (empty: "Lưu: VT.").</param>
public sealed partial record WardIdentity(string Kind, string Name, string Place, string FilingUnit)
{
    /// <summary>"Nơi nhận" entries before "Lưu" (without the dash and the final ";").</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>Signing capacity lines, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"].</summary>
    public IReadOnlyList<string> SignerCapacity { get; init; } = [];

    /// <summary>The signer's name (empty: the signature block leaves the name out).</summary>
    public string Signer { get; init; } = string.Empty;

    /// <summary>"Ủy ban nhân dân phường Hải An".</summary>
    public string CommitteeName => $"Ủy ban nhân dân {Kind} {Name}".TrimEnd();

    /// <summary>"PHƯỜNG HẢI AN".</summary>
    public string UpperName => VietnameseText.Upper($"{Kind} {Name}".Trim());

    /// <summary>"Lưu: VT, VHXH" (no final ".").</summary>
    public string FilingLine => FilingUnit.Length > 0 ? $"Lưu: VT, {FilingUnit}" : "Lưu: VT";

    /// <summary>
    /// The identity of the ward that issued <paramref name="decision"/>: kind and name from the decision's issuer
    /// ("Ủy ban nhân dân phường Hải An"), else from <paramref name="wardName"/> ("Phường Hải An"); then each value of
    /// <paramref name="options"/> that is set, else the decision's: recipients (its "Nơi nhận" without "Như Điều …" and
    /// its own "Lưu"), signer and signing capacity, and the abbreviation of its aggregating unit
    /// (<see cref="ReportPlanner.Abbreviation"/>) for "Lưu: VT, …".
    /// </summary>
    public static WardIdentity From(Decision decision, string? wardName = null, ReportOptions? options = null, UnitDirectory? units = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        options ??= new ReportOptions();
        var (kind, name) = Split(IssuerRegex().Match(VietnameseText.Normalize(decision.Issuer)))
            ?? Split(WardNameRegex().Match(VietnameseText.Normalize(wardName)))
            ?? (string.Empty, VietnameseText.Normalize(wardName));
        var place = string.IsNullOrWhiteSpace(options.Place) ? name : VietnameseText.Normalize(options.Place);
        var filing = !string.IsNullOrWhiteSpace(options.Filing)
            ? VietnameseText.Normalize(options.Filing)
            : decision.AggregatingUnit.Length == 0 ? string.Empty
            : units is null ? decision.AggregatingUnit : ReportPlanner.Abbreviation(units, decision.AggregatingUnit);
        var recipients = options.Recipients.Count > 0
            ? options.Recipients.Select(VietnameseText.Normalize).ToList()
            : decision.Recipients.Select(VietnameseText.Normalize)
                .Where(r => r.Length > 0 && !AsArticleRegex().IsMatch(r) && !r.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase))
                .ToList();
        var configured = !string.IsNullOrWhiteSpace(options.Signer);
        var capacity = configured ? options.SignerCapacity : decision.SignerCapacity;
        return new WardIdentity(kind, name, place, filing)
        {
            Recipients = recipients,
            SignerCapacity = capacity.Select(VietnameseText.Normalize).Where(c => c.Length > 0).ToList(),
            Signer = VietnameseText.Normalize(configured ? options.Signer : decision.Signer),
        };
    }

    private static (string Kind, string Name)? Split(Match m) =>
        m.Success ? (m.Groups["kind"].Value.ToLowerInvariant(), m.Groups["name"].Value) : null;

    [GeneratedRegex(@"^Ủy ban nhân dân (?<kind>phường|xã|đặc khu|thị trấn) (?<name>.+)$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IssuerRegex();

    [GeneratedRegex(@"^(?<kind>phường|xã|đặc khu|thị trấn) (?<name>.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WardNameRegex();

    [GeneratedRegex(@"^Như (Điều|khoản)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AsArticleRegex();
}
