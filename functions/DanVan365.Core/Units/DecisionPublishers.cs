using DanVan365.Core.Reporting;

namespace DanVan365.Core.Units;

/// <summary>
/// The one rule of "who may publish the ward's decision" (issue 22, docs/architecture.md "Authority"): a file in the
/// library's "Quyết định" is imported only when the author of its content is, by Entra object id, one of the people of
/// the office that issues the ward's decisions (a unit with <see cref="Unit.PublishesDecisions"/>: its head or an
/// assignee), the decision's signer (<see cref="PersonRoles.Signer"/>) or a person with the role
/// <see cref="PersonRoles.Publisher"/>. Names, e-mail and applications never count. Pure.
/// </summary>
public static class DecisionPublishers
{
    /// <summary>True when the person with <paramref name="objectId"/> may publish a decision.</summary>
    public static bool IsPublisher(UnitDirectory units, string? objectId)
    {
        ArgumentNullException.ThrowIfNull(units);
        return units.People.Any(p => ReportSubmitters.SameId(p.ObjectId, objectId)
            && (PersonRoles.Is(p.Role, PersonRoles.Signer) || PersonRoles.Is(p.Role, PersonRoles.Publisher)
                || (PersonRoles.IsUnitPerson(p.Role) && p.Unit is { } unit && units.Find(unit)?.PublishesDecisions == true)));
    }

    /// <summary>Null when a decision whose content <paramref name="author"/> wrote may be imported; else the reason (Vietnamese).</summary>
    public static string? Refusal(UnitDirectory units, FileModifier? author)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (author?.UserId is { Length: > 0 } userId && IsPublisher(units, userId))
        {
            return null;
        }

        var office = units.Units.FirstOrDefault(u => u.PublishesDecisions)?.Name ?? "cơ quan ban hành quyết định";
        var by = author?.UserId is { Length: > 0 } id
            ? "người tải lên (" + (units.People.FirstOrDefault(p => ReportSubmitters.SameId(p.ObjectId, id))?.DisplayName
                ?? author.UserName ?? id) + ") không phải người được phép ban hành quyết định"
            : author?.ApplicationId is { Length: > 0 } || author?.ApplicationName is { Length: > 0 }
                ? $"tệp được ghi bởi một ứng dụng ({author.ApplicationName ?? author.ApplicationId}), không phải một người"
                : "không xác định được người tải lên";
        return $"Quyết định không được nhập: {by}. Chỉ {office} hoặc người ký quyết định được tải quyết định lên; " +
            "quyết định đang dùng vẫn giữ nguyên.";
    }
}
