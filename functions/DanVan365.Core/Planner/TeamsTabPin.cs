namespace DanVan365.Core.Planner;

/// <summary>What pinning the ward's plan in its team's General channel did (best effort; never fails provisioning).</summary>
public enum TeamsTabPinKind
{
    /// <summary>A Planner tab showing the plan was added.</summary>
    PlannerTab,

    /// <summary>Teams refused to configure a Planner tab; a website tab opening the plan was added instead.</summary>
    WebsiteTab,

    /// <summary>A tab to the plan was already there: nothing was added.</summary>
    AlreadyPinned,

    /// <summary>The ward's Microsoft 365 group has no team: there is no channel to pin in.</summary>
    NoTeam,

    /// <summary>No tab could be added (<see cref="TeamsTabPin.Reason"/> says why); the plan is made all the same.</summary>
    Failed,
}

/// <summary>The outcome of pinning the plan in Teams, with the text staff read (Vietnamese).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Reason">For <see cref="TeamsTabPinKind.Failed"/>: Graph's status, error code and request id.</param>
public sealed record TeamsTabPin(TeamsTabPinKind Kind, string? Reason = null)
{
    /// <summary>One line for staff (CLI output, run reports).</summary>
    public string Describe() => Kind switch
    {
        TeamsTabPinKind.PlannerTab => "Đã ghim kế hoạch thành thẻ Planner trong kênh Chung của nhóm Teams.",
        TeamsTabPinKind.WebsiteTab =>
            "Teams không cho cấu hình thẻ Planner: đã ghim thẻ trang web mở kế hoạch trong kênh Chung của nhóm Teams.",
        TeamsTabPinKind.AlreadyPinned => "Kế hoạch đã được ghim trong kênh Chung của nhóm Teams.",
        TeamsTabPinKind.NoTeam => "Nhóm Microsoft 365 của phường chưa có Teams: không ghim thẻ kế hoạch.",
        _ => $"Không ghim được thẻ kế hoạch trong Teams ({Reason ?? "không rõ lý do"}); kế hoạch vẫn được tạo.",
    };
}
