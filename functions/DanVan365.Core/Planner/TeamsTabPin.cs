namespace DanVan365.Core.Planner;

/// <summary>
/// What pinning the ward's work in its team's General channel did (best effort; never fails provisioning). Graph does
/// not support configuring a Planner tab (docs repo concepts/teams-configuring-builtin-tabs.md), so none is posted: a
/// website tab opens the list Nhiệm vụ dân vận at the address Graph gives for it.
/// </summary>
public enum TeamsTabPinKind
{
    /// <summary>A website tab opening the list Nhiệm vụ dân vận was added.</summary>
    WebsiteTab,

    /// <summary>A tab to the list (or, from an earlier version, to the plan) was already there: nothing was added.</summary>
    AlreadyPinned,

    /// <summary>The ward's Microsoft 365 group has no team: there is no channel to pin in.</summary>
    NoTeam,

    /// <summary>Graph gave no address for the list Nhiệm vụ dân vận (not provisioned yet): nothing was pinned.</summary>
    NoAddress,

    /// <summary>No tab could be added (<see cref="TeamsTabPin.Reason"/> says why); the plan is made all the same.</summary>
    Failed,
}

/// <summary>The outcome of pinning in Teams, with the text staff read (Vietnamese).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Reason">For <see cref="TeamsTabPinKind.Failed"/>: Graph's status, error code and request id.</param>
public sealed record TeamsTabPin(TeamsTabPinKind Kind, string? Reason = null)
{
    private const string NoPlannerTab = "không ghim thẻ Planner vì Microsoft Graph không hỗ trợ cấu hình thẻ này";

    /// <summary>One line for staff (CLI output, run reports): what was pinned, or why not.</summary>
    public string Describe() => Kind switch
    {
        TeamsTabPinKind.WebsiteTab =>
            $"Đã ghim thẻ trang web mở danh sách Nhiệm vụ dân vận trong kênh Chung của nhóm Teams ({NoPlannerTab}).",
        TeamsTabPinKind.AlreadyPinned => "Thẻ danh sách Nhiệm vụ dân vận đã được ghim trong kênh Chung của nhóm Teams.",
        TeamsTabPinKind.NoTeam => "Nhóm Microsoft 365 của phường chưa có Teams: không ghim thẻ.",
        TeamsTabPinKind.NoAddress => $"Danh sách Nhiệm vụ dân vận chưa có địa chỉ: chưa ghim thẻ ({NoPlannerTab}).",
        _ => $"Không ghim được thẻ trong Teams ({Reason ?? "không rõ lý do"}); kế hoạch vẫn được tạo.",
    };
}
