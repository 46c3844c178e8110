using DanVan365.Core.Errors;
using DanVan365.Core.Sync;
using DanVan365.Core.Units;
using DanVan365.Core.Wards;

namespace DanVan365.Core.Lockdown;

/// <summary>How far a protection is known to hold.</summary>
public enum ProtectionState
{
    /// <summary>Graph (or the configuration) shows it holds.</summary>
    InPlace,

    /// <summary>Graph (or the configuration) shows it does not hold.</summary>
    Missing,

    /// <summary>Nothing the app can read tells; a person must check (the detail says how).</summary>
    Unverified,
}

/// <summary>
/// One line of the protections report: a stable English <paramref name="Key"/> (logs), what is protected and the detail
/// in Vietnamese (the IT admin reads them). New protections (e.g. a seal key for app-owned values) are one more line.
/// </summary>
public sealed record ProtectionCheck(string Key, ProtectionState State, string Protection, string Detail);

/// <summary>
/// Where the seal key of the values DanVan365 owns comes from for a ward's target (docs/architecture.md "Records people
/// can trust"): configured (with a previous key during a rotation), derived (the local Microsoft 365 only) or missing.
/// </summary>
public enum SealKeySource
{
    Missing,
    Configured,
    Rotating,
    LocalDerived,
}

/// <summary>A list of the site as Graph shows it to the app.</summary>
public sealed record SiteListState(string DisplayName, bool Hidden, string? WebUrl);

/// <summary>What the app can read about the ward's site for the protections report. Implemented by the Graph adapter.</summary>
public interface ISiteInspector
{
    /// <summary>The site's lists and libraries, hidden ones included.</summary>
    Task<IReadOnlyList<SiteListState>> ListsAsync(CancellationToken cancellationToken);

    /// <summary>The site's time zone as far as its date-only values show it (<see cref="SiteZoneReading"/>).</summary>
    Task<SiteZoneReading> TimeZoneAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Use case: which protections are in place for a ward as far as Graph and the configuration tell, and which stay
/// unverified (docs/architecture.md "Lockdown"). `danvan365 doctor` prints it; the Functions log it at start. Reads only.
/// </summary>
public sealed class WardProtections(ISiteInspector site, WardContext ward, SealKeySource sealKey)
{
    /// <summary>The lines, in a stable order: the directory, the site's lists, then what only an administrator can check.</summary>
    public async Task<IReadOnlyList<ProtectionCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<ProtectionCheck>(Directory(ward.Units)) { SealKey(sealKey) };
        try
        {
            checks.AddRange(Lists(await site.ListsAsync(cancellationToken).ConfigureAwait(false)));
            checks.Add(SiteTimeZoneCheck.From(await site.TimeZoneAsync(cancellationToken).ConfigureAwait(false)));
        }
        catch (RemoteServiceException ex)
        {
            checks.Add(new ProtectionCheck("site.readable", ProtectionState.Missing, "Trang SharePoint của phường",
                "ứng dụng không đọc được các danh sách qua Graph: " + ex.Message));
        }

        checks.AddRange(Unverifiable());
        return checks;
    }

    /// <summary>Every person of the directory has an Entra object id (who may submit or propose; Planner assignees).</summary>
    public static IEnumerable<ProtectionCheck> Directory(UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var without = units.People.Where(p => p.ObjectId is null).ToList();
        const string protection = "Danh bạ đơn vị: mọi người có objectId (Entra)";
        if (without.Count == 0)
        {
            yield return new ProtectionCheck("directory.object-ids", ProtectionState.InPlace, protection,
                $"{units.People.Count} người, ai cũng có objectId: Planner giao việc theo objectId, không tra theo e-mail");
            yield break;
        }

        var unitsWithout = string.Join(", ", without.Select(p => p.Unit ?? "(ngoài đơn vị)").Distinct(StringComparer.Ordinal));
        yield return new ProtectionCheck("directory.object-ids", ProtectionState.Missing, protection,
            $"{without.Count} người chưa có objectId (đơn vị: {unitsWithout}): Planner tìm họ theo e-mail/UPN, " +
            "API và thư viện không nhận ra họ; bổ sung \"objectId\" trong tệp danh bạ");
    }

    /// <summary>The seal key: without it no value the app owns can be proved (and a tenant run does not start).</summary>
    public static ProtectionCheck SealKey(SealKeySource source)
    {
        const string protection = "Khóa chứng thực dữ liệu do DanVan365 quản lý (Integrity:SealKey)";
        return source switch
        {
            SealKeySource.Configured => new("integrity.seal-key", ProtectionState.InPlace, protection, "đã cấu hình"),
            SealKeySource.Rotating => new("integrity.seal-key", ProtectionState.InPlace, protection,
                "đã cấu hình, đang đổi khóa (khóa cũ vẫn được chấp nhận); gỡ Integrity:PreviousSealKey sau một lần đồng bộ"),
            SealKeySource.LocalDerived => new("integrity.seal-key", ProtectionState.InPlace, protection,
                "môi trường Microsoft 365 cục bộ: khóa sinh từ địa chỉ trang, không dùng cho tổ chức thật"),
            _ => new("integrity.seal-key", ProtectionState.Missing, protection,
                "chưa cấu hình: tạo bí mật seal-key trong Key Vault (infra/README.md), không có khóa thì không chạy được"),
        };
    }

    /// <summary>Each list of the schema exists (the app can read it) and is hidden where the schema hides it.</summary>
    public static IEnumerable<ProtectionCheck> Lists(IReadOnlyList<SiteListState> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var byName = lists.GroupBy(l => l.DisplayName.Normalize(System.Text.NormalizationForm.FormC), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var definition in SiteSchema.All)
        {
            var key = "list:" + definition.Key;
            var protection = $"{(definition.IsLibrary ? "Thư viện" : "Danh sách")} \"{definition.DisplayName}\"";
            if (!byName.TryGetValue(definition.DisplayName.Normalize(System.Text.NormalizationForm.FormC), out var list))
            {
                yield return new ProtectionCheck(key, ProtectionState.Missing, protection,
                    "chưa có hoặc ứng dụng không đọc được: chạy `danvan365 provision` (hoặc chờ lần đồng bộ đầu)");
            }
            else if (definition.Hidden && !list.Hidden)
            {
                yield return new ProtectionCheck(key, ProtectionState.Missing, protection,
                    "đang hiển thị, lẽ ra phải ẩn (danh sách của hệ thống)");
            }
            else
            {
                var where = list.WebUrl is null ? string.Empty : $"; địa chỉ {list.WebUrl}";
                yield return new ProtectionCheck(key, ProtectionState.InPlace, protection,
                    (definition.Hidden ? "có, đang ẩn" : "có") + where);
            }
        }
    }

    /// <summary>What Graph v1.0 cannot read (list and folder permissions, the app's grants): an administrator checks it.</summary>
    public static IEnumerable<ProtectionCheck> Unverifiable()
    {
        const string how = "Graph v1.0 không đọc được quyền của danh sách và thư mục; chạy infra/lockdown-permissions.sh";
        var lists = string.Join(", ", LockdownPlan.ReadOnlyLists.Select(l => l.DisplayName));
        yield return new ProtectionCheck("lists.members-read-only", ProtectionState.Unverified,
            "Thành viên chỉ được đọc các danh sách hệ thống", $"{lists}. {how}");
        yield return new ProtectionCheck("folder.decisions-read-only", ProtectionState.Unverified,
            $"Thư mục \"{SiteSchema.DecisionFolder}\" chỉ đọc với thành viên", how);
        yield return new ProtectionCheck("folder.returns-units-only", ProtectionState.Unverified,
            "Thư mục \"Nộp\": chỉ cán bộ các đơn vị được ghi", how + " (một thư mục Nộp chung cho mọi đơn vị mỗi đợt)");
        yield return new ProtectionCheck("app.graph-permissions", ProtectionState.Unverified,
            "Quyền Microsoft Graph của ứng dụng chỉ giới hạn ở trang của phường (Sites.Selected)",
            "ứng dụng không tự đọc được quyền đã cấp cho mình; xem infra/grant-graph-permissions.sh --dry-run");
    }

    /// <summary>The report as the IT admin reads it (Vietnamese): one line per check, then the totals.</summary>
    public static string Render(string wardName, IReadOnlyList<ProtectionCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var text = new System.Text.StringBuilder();
        text.Append("Kiểm tra các lớp bảo vệ — ").AppendLine(wardName);
        foreach (var check in checks)
        {
            text.Append(Label(check.State).PadRight(20)).Append(check.Protection).Append(": ").AppendLine(check.Detail);
        }

        int Count(ProtectionState state) => checks.Count(c => c.State == state);
        text.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Tổng: {Count(ProtectionState.InPlace)} đã có, {Count(ProtectionState.Missing)} thiếu, " +
            $"{Count(ProtectionState.Unverified)} chưa kiểm chứng được."));
        return text.ToString();
    }

    /// <summary>The Vietnamese label of a state, as printed.</summary>
    public static string Label(ProtectionState state) => state switch
    {
        ProtectionState.InPlace => "[đã có]",
        ProtectionState.Missing => "[THIẾU]",
        _ => "[chưa kiểm chứng]",
    };
}
