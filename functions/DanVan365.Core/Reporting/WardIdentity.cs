using DanVan365.Core.Text;
namespace DanVan365.Core.Reporting;

/// <summary>Who issues the report: the ward's kind and name, the place written before the date, and the filing unit.</summary>
/// <param name="Kind">"phường", "xã" or "đặc khu".</param>
/// <param name="Name">e.g. "Hải An".</param>
/// <param name="Place">Place before the date, e.g. "Hải An".</param>
/// <param name="FilingUnit">Abbreviation of the drafting unit in "Lưu: VT, …", e.g. "VHXH".</param>
public sealed record WardIdentity(string Kind, string Name, string Place, string FilingUnit)
{
    /// <summary>Phường Hải An.</summary>
    public static WardIdentity HaiAn { get; } = new("phường", "Hải An", "Hải An", "VHXH");

    /// <summary>"Ủy ban nhân dân phường Hải An".</summary>
    public string CommitteeName => $"Ủy ban nhân dân {Kind} {Name}";

    /// <summary>"PHƯỜNG HẢI AN".</summary>
    public string UpperName => VietnameseText.Upper($"{Kind} {Name}");
}
