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
        new Unit("TTDV", "Trung tâm dịch vụ sự nghiệp công", [], UnitKind.PublicServiceUnit, "ttdv.head@haian.example.vn",
            ["ttdv.a@haian.example.vn", "ttdv.head@haian.example.vn"]),
        new Unit("NOHEAD", "Đơn vị chưa có thủ trưởng", [], UnitKind.PublicServiceUnit, null, ["nohead.a@haian.example.vn"]),

        // Requested by the committee, never assigned: at most a courtesy reminder to their own contact.
        new Unit("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", [], UnitKind.FrontOrMassOrganisation, "mttq.head@haian.example.vn",
            ["mttq.a@haian.example.vn"]),
        new Unit("BXDD", "Ban Xây dựng Đảng", [], UnitKind.PartyBody, null, ["bxdd.a@haian.example.vn", "bxdd.b@haian.example.vn"]),
        new Unit("TDP", "Các tổ dân phố trên địa bàn phường", [], UnitKind.ResidentialGroup, "tdp.head@haian.example.vn", []),
        new Unit("DN", "Các cơ quan, đơn vị, tổ chức, doanh nghiệp trên địa bàn phường", [], UnitKind.External, null, []),
        new Unit("BV", "Bệnh viện quốc tế", [], UnitKind.External, "bv.head@haian.example.vn", []),
    ]);

    /// <summary>The codes of the units the committee only requests in <see cref="Units"/>.</summary>
    public static readonly string[] RequestedUnits = ["MTTQ", "BXDD", "TDP", "DN", "BV"];

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
