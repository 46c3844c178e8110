using DanVan365.Core.Units;

namespace DanVan365.Core.Lockdown;

/// <summary>What the connected identity may read of a deployed ward beyond its site's lists. Implemented by the Graph adapter.</summary>
public interface ITenantInspector
{
    /// <summary>
    /// The roles of the application grants on the ward's site (GET /sites/{id}/permissions), or null when the identity may
    /// not read them (the page asks Sites.FullControl.All; the app itself holds Sites.Selected only).
    /// </summary>
    Task<IReadOnlyList<string>?> SiteGrantRolesAsync(CancellationToken cancellationToken);

    /// <summary>True when the ward's Microsoft 365 group exists (GET /groups/{id}).</summary>
    Task<bool> GroupExistsAsync(CancellationToken cancellationToken);

    /// <summary>The object ids among <paramref name="objectIds"/> that are no user of the tenant (GET /users/{id} each).</summary>
    Task<IReadOnlyList<string>> UnknownUsersAsync(IReadOnlyList<string> objectIds, CancellationToken cancellationToken);
}

/// <summary>
/// `danvan365 doctor --tenant`: the deployment as far as Graph shows it to the connected identity — the site grant, the
/// group, the directory's people by object id — and, as "cannot tell" lines with how to check, what Graph does not show
/// (the mailbox scoping in Exchange Online, the web part's API access approval). Lines in Vietnamese for the IT admin.
/// </summary>
public static class TenantDeployment
{
    /// <summary>The checks, in a stable order.</summary>
    public static async Task<IReadOnlyList<ProtectionCheck>> CheckAsync(ITenantInspector tenant, UnitDirectory units,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(units);
        var roles = await tenant.SiteGrantRolesAsync(cancellationToken).ConfigureAwait(false);
        var group = await tenant.GroupExistsAsync(cancellationToken).ConfigureAwait(false);
        var ids = units.People.Select(p => p.ObjectId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var unknown = await tenant.UnknownUsersAsync(ids, cancellationToken).ConfigureAwait(false);
        return [SiteGrant(roles), Group(group), People(ids.Count, unknown, units), .. Unverifiable()];
    }

    /// <summary>The site grant as far as the identity may read it.</summary>
    public static ProtectionCheck SiteGrant(IReadOnlyList<string>? roles)
    {
        const string protection = "Quyền của ứng dụng trên trang của phường (Sites.Selected)";
        if (roles is null)
        {
            return new("tenant.site-grant", ProtectionState.Unverified, protection,
                "tài khoản đang kết nối không được đọc quyền của trang (cần Sites.FullControl.All); quản trị viên xem "
                + "GET /sites/{id}/permissions trong Graph Explorer hoặc chạy lại infra/grant-graph-permissions.sh --dry-run");
        }

        return roles.Count == 0
            ? new("tenant.site-grant", ProtectionState.Missing, protection,
                "trang chưa cấp quyền cho ứng dụng nào: chạy infra/grant-graph-permissions.sh")
            : new("tenant.site-grant", ProtectionState.InPlace, protection,
                "vai trò đã cấp: " + string.Join(", ", roles.Distinct(StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>The ward's group (owner of the plan and the Team).</summary>
    public static ProtectionCheck Group(bool exists) => exists
        ? new("tenant.group", ProtectionState.InPlace, "Nhóm Microsoft 365 của phường", "có, ứng dụng đọc được")
        : new("tenant.group", ProtectionState.Missing, "Nhóm Microsoft 365 của phường",
            "không tìm thấy theo mã nhóm đã cấu hình (GroupId): kiểm tra mã nhóm và quyền GroupMember.Read.All");

    /// <summary>Every person with an object id is a user of the tenant.</summary>
    public static ProtectionCheck People(int withIds, IReadOnlyList<string> unknown, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        ArgumentNullException.ThrowIfNull(units);
        const string protection = "Cán bộ trong danh bạ đơn vị có trong tổ chức (theo objectId)";
        if (unknown.Count == 0)
        {
            return new("tenant.people", ProtectionState.InPlace, protection, $"{withIds} người, ai cũng tìm thấy");
        }

        var who = units.People.Where(p => unknown.Contains(p.ObjectId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            .Select(p => p.Unit ?? "(ngoài đơn vị)").Distinct(StringComparer.Ordinal);
        return new("tenant.people", ProtectionState.Missing, protection,
            $"{unknown.Count}/{withIds} objectId không có trong tổ chức (đơn vị: {string.Join(", ", who)}): sửa tệp danh bạ");
    }

    /// <summary>Every list of the ward exists at the schema version this build writes (the description stamp; reads only).</summary>
    public static ProtectionCheck ListSchema(bool current)
    {
        const string protection = "Danh sách của phường ở phiên bản cấu trúc hiện hành";
        var version = Sync.SiteSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return current
            ? new("tenant.list-schema", ProtectionState.InPlace, protection, $"mọi danh sách có và ở phiên bản {version}")
            : new("tenant.list-schema", ProtectionState.Missing, protection,
                $"có danh sách chưa tạo hoặc ở phiên bản cũ hơn {version}: chạy danvan365 sync --tenant (hoặc chờ lần đồng bộ tự "
                + "động kế tiếp), lần đồng bộ sẽ tạo hoặc nâng cấp danh sách");
    }

    /// <summary>What Graph does not show: an administrator checks it.</summary>
    public static IEnumerable<ProtectionCheck> Unverifiable()
    {
        yield return new("tenant.mailbox-scope", ProtectionState.Unverified,
            "Ứng dụng chỉ gửi thư từ hộp thư của phường (Exchange Online)",
            "Graph không cho biết phạm vi này; quản trị viên Exchange chạy Test-ServicePrincipalAuthorization (xem docs/runbooks.md)");
        yield return new("tenant.webpart-api-access", ProtectionState.Unverified,
            "Phần web được phép gọi API của DanVan365",
            "xem Trung tâm quản trị SharePoint, mục Truy cập API: yêu cầu user_impersonation phải ở trạng thái đã phê duyệt");
    }
}
