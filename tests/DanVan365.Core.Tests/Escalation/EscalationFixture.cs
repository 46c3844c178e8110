using DanVan365.Core.Escalation;
using DanVan365.Core.Units;

namespace DanVan365.Core.Tests.Escalation;

/// <summary>A small ward: three units, an aggregating unit (VHXH) and a signer.</summary>
internal static class EscalationFixture
{
    public const string Signer = "pct@haian.example.vn";

    public static readonly UnitDirectory Units = new(
    [
        new Unit("VHXH", "Phòng Văn hóa - Xã hội", [], UnitKind.Office, "vhxh.head@haian.example.vn", ["vhxh.a@haian.example.vn"]),
        new Unit("KT", "Phòng Kinh tế", [], UnitKind.Office, "kt.head@haian.example.vn", ["kt.a1@haian.example.vn",
            "KT.A2@haian.example.vn"]),
        new Unit("CAP", "Công an phường", [], UnitKind.External, "cap.head@haian.example.vn", ["cap.a@haian.example.vn",
            "cap.head@haian.example.vn"]),
        new Unit("NOHEAD", "Đơn vị chưa có thủ trưởng", [], UnitKind.PublicServiceUnit, null, ["nohead.a@haian.example.vn"]),
    ]);

    public static EscalationOptions Options(bool withSigner = true) => new()
    {
        AggregatingUnitCode = "VHXH",
        SignerEmail = withSigner ? Signer : null,
        SignerDisplayName = "Bùi Quang Ngân",
    };

    public static RecipientDirectory Directory(bool withSigner = true) => RecipientDirectory.From(Units, Options(withSigner));

    public static readonly WorkingCalendar Calendar = HolidayCalendarFile.LoadDefault();

    /// <summary>Lower-case addresses the ladder should reach at this offset for this unit.</summary>
    public static ISet<string> ExpectedRecipients(string unitCode, int offset)
    {
        var unit = Units.Get(unitCode);
        var set = new HashSet<string>(unit.Assignees.Select(a => a.ToLowerInvariant()));
        if (offset >= 1)
        {
            set.Add(unit.Head!.ToLowerInvariant());
        }

        if (offset >= 3)
        {
            set.Add(Units.Get("VHXH").Head!.ToLowerInvariant());
        }

        if (offset >= 7)
        {
            set.Add(Signer);
        }

        return set;
    }

    public static DateOnly D(int month, int day) => new(2026, month, day);
}
