using System.Globalization;
using System.Text;
using DanVan365.Core.Lockdown;
using DanVan365.Core.Escalation;

namespace DanVan365.Core.Units.Proposal;

/// <summary>
/// Whether a ward's unit directory is ready to run (`danvan365 doctor`, docs/architecture.md "A new ward: init"): no
/// placeholder people left (per unit), no kind left to check, every phrase of the ward's decision resolves, and a
/// holiday file covers the decision's year. Each line is in place or missing with its fix, in Vietnamese. Pure.
/// </summary>
public static class DirectoryReadiness
{
    /// <param name="units">The ward's directory.</param>
    /// <param name="decisionName">The decision's file name, as shown.</param>
    /// <param name="decisionProblem">Why the decision does not import with the directory (file:line: …), or null when it does.</param>
    /// <param name="calendar">The ward's holiday calendar.</param>
    /// <param name="year">The decision's year.</param>
    /// <param name="holidaySetting">The setting that names the holiday files.</param>
    public static IReadOnlyList<ProtectionCheck> Check(UnitDirectory units, string decisionName, string? decisionProblem,
        WardCalendar calendar, int year, string holidaySetting)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(calendar);
        var checks = new List<ProtectionCheck>();
        const string People = "Người trong danh bạ";
        foreach (var unit in units.Units)
        {
            var open = units.People.Count(p => p.Unit == unit.Code && Placeholders.IsPlaceholder(p));
            if (open > 0)
            {
                checks.Add(Missing("people:" + unit.Code, $"{People} — {unit.Code} ({unit.Name})",
                    open.ToString(CultureInfo.InvariantCulture) +
                    $" người còn để trống (địa chỉ {Placeholders.Domain} hoặc chưa có objectId): điền địa chỉ thư và objectId " +
                    "(Entra) của từng người trong tệp danh bạ"));
            }
        }

        var officers = units.People.Where(p => p.Unit is null && Placeholders.IsPlaceholder(p))
            .Select(p => PersonRoles.Is(p.Role, PersonRoles.Chairman) ? "Chủ tịch" : PersonRoles.Is(p.Role, PersonRoles.Signer) ? "người ký"
                : p.Role).Distinct().ToList();
        if (officers.Count > 0)
        {
            checks.Add(Missing("people:officers", $"{People} — lãnh đạo Ủy ban ({string.Join(", ", officers)})",
                "còn để trống: điền địa chỉ thư và objectId (Entra) của Chủ tịch và người ký quyết định"));
        }

        if (checks.Count == 0)
        {
            checks.Add(new ProtectionCheck("people", ProtectionState.InPlace, People, "mọi người đã có địa chỉ thư và objectId"));
        }

        var toCheck = units.Units.Where(u => u.KindToCheck).ToList();
        checks.AddRange(toCheck.Select(u => Missing("kind:" + u.Code, $"Loại đơn vị — {u.Code} ({u.Name})",
            $"\"{UnitDirectory.KindName(u.Kind)}\" chỉ là phỏng đoán: sửa \"kind\" nếu cần rồi xóa \"kindToCheck\"")));
        if (toCheck.Count == 0)
        {
            checks.Add(new ProtectionCheck("kinds", ProtectionState.InPlace, "Loại đơn vị", "mọi đơn vị đã có loại được xác nhận"));
        }

        checks.Add(decisionProblem is null
            ? new ProtectionCheck("decision", ProtectionState.InPlace, $"Quyết định {decisionName}",
                "mọi cụm từ đơn vị chủ trì, phối hợp đều có trong danh bạ")
            : Missing("decision", $"Quyết định {decisionName}",
                $"{decisionProblem}: thêm tên đơn vị hoặc tên gọi khác (\"aliases\") vào tệp danh bạ"));
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        checks.Add(calendar.Covers(year)
            ? new ProtectionCheck("holidays", ProtectionState.InPlace, $"Tệp ngày nghỉ lễ năm {yearText}", "có")
            : Missing("holidays", $"Tệp ngày nghỉ lễ năm {yearText}",
                $"chưa có: thêm tệp ngày nghỉ lễ, Tết năm {yearText} vào {holidaySetting}"));
        return checks;
    }

    /// <summary>The checks as doctor prints them (same layout as <see cref="WardProtections.Render"/>).</summary>
    public static string Render(string wardName, IReadOnlyList<ProtectionCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var text = new StringBuilder();
        text.Append("Kiểm tra danh bạ đơn vị và quyết định — ").AppendLine(wardName);
        foreach (var check in checks)
        {
            text.Append(WardProtections.Label(check.State).PadRight(20)).Append(check.Protection).Append(": ").AppendLine(check.Detail);
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Danh bạ: {checks.Count(c => c.State == ProtectionState.InPlace)} đạt, " +
            $"{checks.Count(c => c.State == ProtectionState.Missing)} cần sửa."));
        return text.ToString();
    }

    private static ProtectionCheck Missing(string key, string what, string fix) => new(key, ProtectionState.Missing, what, fix);
}
