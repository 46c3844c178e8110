using DanVan365.Core.Text;
using DanVan365.Core.Units;

namespace DanVan365.Core.Catalogue;

/// <summary>A unit that owns a task: it gets the task's Phân công row and Planner task.</summary>
/// <param name="UnitCode">The owner's code.</param>
/// <param name="FollowUp">Set when the owner follows the task up on behalf of a lead the committee does not assign.</param>
public sealed record TaskOwner(string UnitCode, FollowUp? FollowUp)
{
    /// <summary>True when the owner follows the task up for its lead rather than leading it.</summary>
    public bool IsFollowUp => FollowUp is not null;
}

/// <summary>
/// Who owns a task (docs/architecture.md "Units"), the one rule for Phân công rows, Planner tasks, templates and the
/// compiled report:
/// <list type="bullet">
/// <item>the lead units the committee assigns (<see cref="UnitDirectory.IsAssigned"/>), each for itself; a requested lead
/// (a Party body, the Front, an outside body) gets no row and no Planner task from the committee;</item>
/// <item>when no lead unit is assigned, the unit that follows the task up (<see cref="CatalogueTask.FollowUp"/>): the one the
/// lead or coordinating cell names with a follow-up role ("tổng hợp, theo dõi chung"), else the decision's aggregating unit
/// — on the lead's behalf;</item>
/// <item>nobody when neither exists.</item>
/// </list>
/// </summary>
public static class TaskOwners
{
    /// <summary>The role of the aggregating unit when no cell names a follow-up unit.</summary>
    public const string AggregatingRole = "tổng hợp, theo dõi chung";

    /// <summary>The owners of a work item, in lead order (empty for a heading).</summary>
    public static IReadOnlyList<TaskOwner> Of(CatalogueTask task, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(units);
        if (task.IsHeading)
        {
            return [];
        }

        var leads = task.Lead.Units.Distinct(StringComparer.Ordinal).Where(units.IsAssigned).Select(c => new TaskOwner(c, null)).ToList();
        if (leads.Count > 0)
        {
            return leads;
        }

        return task.FollowUp is { } f && units.IsAssigned(f.UnitCode) ? [new TaskOwner(f.UnitCode, f)] : [];
    }

    /// <summary>The owner <paramref name="unitCode"/> of a task, or null when it does not own it.</summary>
    public static TaskOwner? Find(CatalogueTask task, UnitDirectory units, string unitCode) =>
        Of(task, units).FirstOrDefault(o => o.UnitCode == unitCode);

    /// <summary>
    /// The follow-up of a task whose lead resolves to no assigned unit: the first assigned unit named with a follow-up role in
    /// the lead cell, then the coordinating cell; else the aggregating unit when the committee assigns it; null when an
    /// assigned unit leads the task, or nobody fits.
    /// </summary>
    public static FollowUp? FollowUpOf(UnitReference lead, UnitReference coordinating, string aggregatingUnit, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(coordinating);
        ArgumentNullException.ThrowIfNull(units);
        if (lead.Units.Any(units.IsAssigned))
        {
            return null;
        }

        if (lead.FollowUp.Concat(coordinating.FollowUp).FirstOrDefault(f => units.IsAssigned(f.UnitCode)) is { } named)
        {
            return named;
        }

        return units.IsAssigned(aggregatingUnit) ? new FollowUp(aggregatingUnit, AggregatingRole) : null;
    }

    /// <summary>The lead a follow-up owner acts for: the lead units' names ("; "), else the lead cell as written.</summary>
    public static string LeadNames(CatalogueTask task, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(units);
        return task.Lead.Units.Count > 0
            ? string.Join("; ", task.Lead.Units.Select(c => VietnameseText.Nfc(units.Find(c)?.Name ?? c)))
            : VietnameseText.Nfc(task.Lead.Text);
    }

    /// <summary>
    /// On whose behalf a follow-up owner holds the task, in the decision's words: "Tổng hợp, theo dõi chung việc thực hiện của
    /// cơ quan chủ trì: Các cơ quan, đơn vị, tổ chức, doanh nghiệp trên địa bàn phường".
    /// </summary>
    public static string OnBehalfText(CatalogueTask task, FollowUp followUp, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return $"{Capitalised(followUp.Role)} việc thực hiện của cơ quan chủ trì: {LeadNames(task, units)}";
    }

    /// <summary>The role as a label ("Tổng hợp, theo dõi chung"), for a title or a report cell.</summary>
    public static string Capitalised(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        var text = VietnameseText.Nfc(role.Trim());
        return text.Length == 0 ? text : char.ToUpper(text[0], System.Globalization.CultureInfo.InvariantCulture) + text[1..];
    }
}
