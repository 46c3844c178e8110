using DanVan365.Core.Units;

namespace DanVan365.Core.Reporting;

/// <summary>Why a return is refused: the rule's name (API, logs) and the Vietnamese sentence for the person.</summary>
public sealed record ReturnRefusal(string Rule, string Message);

/// <summary>
/// Who may return a unit's submission for additions (issue 23; deny by default). Pure; people are matched by Entra object id
/// in the ward's directory, never by name or e-mail.
/// <list type="bullet">
/// <item>Only the people of the decision's aggregating unit (Phòng Văn hóa - Xã hội in Hải An: its head or an assignee), who
/// compile the returns (<c>wrong-role</c>).</item>
/// <item>Separation of duties, as for proposals' <c>own-proposal</c>: nobody returns a submission they made themselves
/// (<c>own-submission</c>), e.g. the aggregating unit's head who submitted for a unit.</item>
/// </list>
/// </summary>
public static class ReturnAuthority
{
    /// <summary>The rule of a caller who is not one of the aggregating unit's people.</summary>
    public const string WrongRole = "wrong-role";

    /// <summary>The rule of a caller who made the submission.</summary>
    public const string OwnSubmission = "own-submission";

    /// <summary>True when <paramref name="objectId"/> is the head or an assignee of the aggregating unit.</summary>
    public static bool MayReturn(UnitDirectory units, string? aggregatingUnitCode, string? objectId) =>
        !string.IsNullOrWhiteSpace(aggregatingUnitCode) && ReportSubmitters.IsPersonOf(units, aggregatingUnitCode, objectId);

    /// <summary>The refusal of the caller's return, or null when they may return it.</summary>
    /// <param name="units">The ward's directory.</param>
    /// <param name="aggregatingUnitCode">The decision's aggregating unit.</param>
    /// <param name="objectId">The caller's object id.</param>
    /// <param name="submitterIds">The object ids of whoever made the submission (the recorded maker, and people who typed rows).</param>
    public static ReturnRefusal? Refusal(UnitDirectory units, string? aggregatingUnitCode, string? objectId,
        IEnumerable<string?> submitterIds)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(submitterIds);
        var unitName = aggregatingUnitCode is null ? "đơn vị tổng hợp" : units.Find(aggregatingUnitCode)?.Name ?? aggregatingUnitCode;
        if (!MayReturn(units, aggregatingUnitCode, objectId))
        {
            return new ReturnRefusal(WrongRole,
                $"Chỉ lãnh đạo và cán bộ được phân công của {unitName} được trả lại báo cáo để đơn vị bổ sung.");
        }

        return submitterIds.Any(id => ReportSubmitters.SameId(id, objectId))
            ? new ReturnRefusal(OwnSubmission,
                $"Đồng chí đã nộp báo cáo này nên không tự trả lại; đề nghị một đồng chí khác của {unitName} xem xét.")
            : null;
    }
}
