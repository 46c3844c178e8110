using System.Globalization;
using System.Text;
using DanVan365.Core.Catalogue;
using DanVan365.Core.Sync;
using DanVan365.Core.Time;
using DanVan365.Core.Units;

namespace DanVan365.Core.Planner;

/// <summary>Links the Planner task points to (filled by the adapter that knows the site).</summary>
public sealed record PlannerLinks(Func<string, string?> ListItemUrl, string? DecisionUrl);

/// <summary>
/// Turns the catalogue into the Planner plan it must hold (issue "Planner"): a bucket per lead unit, a label per
/// section, and per (task × lead unit) a task titled "[code] title" (cut to Planner's limit; full text in the
/// description), start = the date of the decision that brought the entry (never after the due day; kept when a later
/// decision amends the entry), due = end of the last day in ICT (none for ongoing and recurring tasks), the unit's
/// assignees, a checklist of coordinating units and links to the list item and the decision. The units are the task's
/// owners (<see cref="TaskOwners"/>): a follow-up owner's task says on whose behalf in its title and description.
/// </summary>
public static class PlannerDesign
{
    /// <summary>Title prefix of a task whose catalogue entry was dropped by a new decision.</summary>
    public const string ArchivedPrefix = "[Bãi bỏ] ";

    /// <summary>Label used for archived tasks (the last of Planner's 25).</summary>
    public const int ArchivedCategory = PlannerLimits.Categories;

    /// <summary>Default plan title: "Dân vận 2026 – Phường Hải An".</summary>
    public static string DefaultPlanTitle(TaskCatalogue catalogue, string wardName)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return $"Dân vận {catalogue.Decision.Date.Year.ToString(CultureInfo.InvariantCulture)} – {wardName}";
    }

    public static PlannerPlanSpec Plan(TaskCatalogue catalogue, UnitDirectory units, string title)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        var buckets = catalogue.WorkItems.SelectMany(t => TaskOwners.Of(t, units)).Select(o => o.UnitCode).Distinct(StringComparer.Ordinal)
            .Select(c => units.Get(c).Name).ToList();
        var categories = new Dictionary<int, string>();
        for (var i = 0; i < catalogue.Sections.Count && i < ArchivedCategory - 1; i++)
        {
            categories[i + 1] = DesiredRows.Shorten($"{catalogue.Sections[i].Code}. {catalogue.Sections[i].Title}", 100);
        }

        categories[ArchivedCategory] = "Bãi bỏ";
        return new PlannerPlanSpec(title, buckets, categories);
    }

    /// <summary>The label number of a section (1-based, in catalogue order).</summary>
    public static int CategoryOf(TaskCatalogue catalogue, string sectionCode)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        for (var i = 0; i < catalogue.Sections.Count; i++)
        {
            if (catalogue.Sections[i].Code == sectionCode)
            {
                return Math.Min(i + 1, ArchivedCategory - 1);
            }
        }

        return ArchivedCategory - 1;
    }

    /// <summary>
    /// Desired tasks for every (work item × lead unit) of the catalogue. <paramref name="effectiveLastDays"/> (by
    /// Phân công key) holds the assignments an approved extension moved: their due date is the extended day.
    /// </summary>
    public static IReadOnlyList<PlannerTaskSpec> Tasks(TaskCatalogue catalogue, UnitDirectory units, PlannerLinks links,
        IReadOnlyDictionary<string, DateOnly>? effectiveLastDays = null)
    {
        effectiveLastDays ??= new Dictionary<string, DateOnly>();
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(links);
        var footnotes = catalogue.Footnotes.ToDictionary(f => f.Mark, f => f.Text, StringComparer.Ordinal);
        var labels = Plan(catalogue, units, string.Empty).Categories;
        var specs = new List<PlannerTaskSpec>();
        foreach (var task in catalogue.WorkItems)
        {
            foreach (var owner in TaskOwners.Of(task, units))
            {
                var unitCode = owner.UnitCode;
                var unit = units.Get(unitCode);
                var key = DesiredRows.AssignmentKey(task.Code, unitCode);
                var references = new List<PlannerLink>();
                if (links.ListItemUrl(task.Code) is { } itemUrl)
                {
                    references.Add(new PlannerLink(itemUrl, $"Nhiệm vụ {task.Code} (danh sách Nhiệm vụ dân vận)", "Other"));
                }

                if (links.DecisionUrl is { } decisionUrl)
                {
                    references.Add(new PlannerLink(decisionUrl, $"Quyết định {catalogue.Decision.Number}", "Word"));
                }

                // A recurring time frame ("Năm Y và các năm tiếp theo") has no due date: it never turns overdue in Planner.
                DateOnly? dueDay = TimeFrames.Recurs(task.TimeFrame?.Kind) ? null
                    : effectiveLastDays.TryGetValue(key, out var extended) ? extended : task.TimeFrame?.LastDay;
                var decisionDay = catalogue.Decision.Date;
                var startDay = task.TimeFrame?.LastDay is { } lastDay && lastDay < decisionDay ? lastDay : decisionDay;
                specs.Add(new PlannerTaskSpec(
                    key,
                    task.Code,
                    unitCode,
                    unit.Name,
                    Title(task.Code, owner.FollowUp is { } f ? $"({TaskOwners.Capitalised(f.Role)}) {task.Title}" : task.Title,
                        archived: false),
                    // Planner answers 400 when the start is later than the due date (planner-overview.md, "400 Bad request").
                    WardTime.StartOfDayUtc(startDay),
                    dueDay is { } last ? WardTime.EndOfDayUtc(last) : null,
                    CategoryOf(catalogue, task.Section),
                    labels.GetValueOrDefault(CategoryOf(catalogue, task.Section)) ?? string.Empty,
                    Archived: false,
                    unit.Assignees.Take(PlannerLimits.Assignees).ToList(),
                    Description(catalogue, task, owner, units, footnotes, links.ListItemUrl(task.Code), dueDay),
                    Checklist(task, unitCode, units),
                    references.Take(PlannerLimits.References).ToList())
                {
                    ProvenanceTexts = [.. ProvenanceTexts(catalogue, links)],
                });
            }
        }

        return specs;
    }

    // What names the decision in a task: its link, its name in the references and the description's closing line.
    private static IEnumerable<string> ProvenanceTexts(TaskCatalogue catalogue, PlannerLinks links)
    {
        if (links.DecisionUrl is { } url)
        {
            yield return url;
        }

        yield return $"Quyết định {catalogue.Decision.Number}";
        yield return DecisionLine(catalogue);
    }

    private static string DecisionLine(TaskCatalogue catalogue) =>
        $"Theo Quyết định số {catalogue.Decision.Number} ngày " +
            $"{catalogue.Decision.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>"[code] title", cut to Planner's title limit; archived tasks get the "[Bãi bỏ] " prefix.</summary>
    public static string Title(string code, string title, bool archived) =>
        DesiredRows.Shorten((archived ? ArchivedPrefix : string.Empty) + $"[{code}] {title}", PlannerLimits.TitleLength);

    /// <summary>The task code a Planner title starts with ("[3.5.a] …" or "[Bãi bỏ] [3.5.a] …"), or null.</summary>
    public static string? CodeFromTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var text = HasArchivedTitle(title) ? title[ArchivedPrefix.Length..] : title;
        var end = text.IndexOf(']', StringComparison.Ordinal);
        return text.StartsWith('[') && end > 1 ? text[1..end] : null;
    }

    /// <summary>True when a Planner title carries the archived prefix.</summary>
    public static bool HasArchivedTitle(string? title) =>
        title is not null && title.StartsWith(ArchivedPrefix, StringComparison.Ordinal);

    /// <summary>True when a task is archived: archived title and the archive label both present.</summary>
    public static bool IsArchived(string? title, IReadOnlySet<int> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        return HasArchivedTitle(title) && categories.Contains(ArchivedCategory);
    }

    /// <summary>
    /// The title an archived task gets: its current title (people may have edited it) with the "[Bãi bỏ] " prefix once,
    /// cut to Planner's limit.
    /// </summary>
    public static string ArchivedTitle(string currentTitle)
    {
        ArgumentNullException.ThrowIfNull(currentTitle);
        return HasArchivedTitle(currentTitle)
            ? currentTitle
            : DesiredRows.Shorten(ArchivedPrefix + currentTitle, PlannerLimits.TitleLength);
    }

    /// <summary>
    /// The labels a write sets (true) or clears (false): the section's label when given; the archive label on while the
    /// task is archived, and off only when a task that has it (<paramref name="current"/>) is back in the decision.
    /// Labels people added are never touched.
    /// </summary>
    public static IReadOnlyDictionary<int, bool> LabelChanges(int? category, bool archived, IReadOnlySet<int>? current)
    {
        var changes = new SortedDictionary<int, bool>();
        if (category is { } c)
        {
            changes[c] = true;
        }

        if (archived)
        {
            changes[ArchivedCategory] = true;
        }
        else if (current is not null && current.Contains(ArchivedCategory))
        {
            changes[ArchivedCategory] = false;
        }

        return changes;
    }

    /// <summary>
    /// The id of a checklist item sync makes: derived from the assignment key and the item's title, so sync's items are
    /// recognisable and stable.
    /// </summary>
    public static string ChecklistItemId(string assignmentKey, string title)
    {
        ArgumentNullException.ThrowIfNull(assignmentKey);
        ArgumentNullException.ThrowIfNull(title);
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(assignmentKey + "\n" + title));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    /// <summary>
    /// Checklist ownership: sync owns only the items it made (id = <see cref="ChecklistItemId"/> of their title) and
    /// removes one only when the decision no longer lists it; people's own items and every tick stay.
    /// </summary>
    public static bool IsSyncItemToRemove(string assignmentKey, string itemId, string? itemTitle, IReadOnlySet<string> wantedIds)
    {
        ArgumentNullException.ThrowIfNull(wantedIds);
        return itemTitle is not null && ChecklistItemId(assignmentKey, itemTitle) == itemId && !wantedIds.Contains(itemId);
    }

    // The coordinating units of an owner's task: never the owner itself (a lead is already left out by the catalogue; a
    // follow-up owner named in the coordinating cell is left out here).
    private static IEnumerable<string> CoordinatingOf(CatalogueTask task, string ownerCode) =>
        task.Coordinating.Units.Distinct(StringComparer.Ordinal).Where(c => c != ownerCode);

    private static List<string> Checklist(CatalogueTask task, string ownerCode, UnitDirectory units)
    {
        var names = CoordinatingOf(task, ownerCode).Select(c => units.Find(c)?.Name ?? c)
            .Select(n => "Phối hợp: " + n).Select(n => DesiredRows.Shorten(n, PlannerLimits.ChecklistTitleLength)).ToList();
        if (names.Count <= PlannerLimits.ChecklistItems)
        {
            return names;
        }

        var kept = names.Take(PlannerLimits.ChecklistItems - 1).ToList();
        kept.Add($"… và {(names.Count - kept.Count).ToString(CultureInfo.InvariantCulture)} đơn vị phối hợp khác (xem mô tả)");
        return kept;
    }

    private static string Description(TaskCatalogue catalogue, CatalogueTask task, TaskOwner owner, UnitDirectory units,
        Dictionary<string, string> footnotes, string? itemUrl, DateOnly? dueDay)
    {
        var unit = units.Get(owner.UnitCode);
        var text = new StringBuilder();
        text.Append("Nhiệm vụ ").Append(task.Code).Append(": ").AppendLine(task.Title);
        if (owner.FollowUp is { } followUp)
        {
            text.Append("Đơn vị theo dõi chung (công việc này): ").AppendLine(unit.Name);
            text.AppendLine(TaskOwners.OnBehalfText(task, followUp, units));
        }
        else
        {
            text.Append("Đơn vị chủ trì (công việc này): ").AppendLine(unit.Name);
        }

        text.Append("Cơ quan chủ trì (theo Quyết định): ").AppendLine(task.Lead.Text);
        if (task.Coordinating.Text.Length > 0)
        {
            text.Append("Cơ quan phối hợp: ").AppendLine(task.Coordinating.Text);
            var names = CoordinatingOf(task, owner.UnitCode).Select(c => units.Find(c)?.Name ?? c).ToList();
            if (names.Count > 0)
            {
                text.Append("Đơn vị phối hợp: ").AppendLine(string.Join("; ", names));
            }
        }

        text.Append("Thời gian thực hiện: ").AppendLine(task.TimeFrame?.Text ?? string.Empty);
        if (TimeFrames.Recurs(task.TimeFrame?.Kind))
        {
            text.AppendLine(TimeFrames.RecurringNote);
        }
        else if (task.TimeFrame?.LastDay is { } last)
        {
            text.Append("Hạn cuối (giờ Việt Nam): ").AppendLine(last.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            if (dueDay is { } due && due != last)
            {
                text.Append("Được gia hạn đến: ").AppendLine(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            }
        }
        else
        {
            text.AppendLine("Nhiệm vụ thường xuyên: không có hạn cuối; báo cáo kết quả trong mỗi đợt báo cáo.");
        }

        foreach (var mark in task.Footnotes)
        {
            text.Append("Căn cứ (").Append(mark).Append("): ").AppendLine(footnotes.GetValueOrDefault(mark) ?? string.Empty);
        }

        text.AppendLine(DecisionLine(catalogue));
        if (itemUrl is not null)
        {
            text.Append("Mục trong danh sách: ").AppendLine(itemUrl);
        }

        text.Append("Mã đồng bộ: ").Append(DesiredRows.AssignmentKey(task.Code, unit.Code));
        return DesiredRows.Shorten(text.ToString(), PlannerLimits.DescriptionLength);
    }
}
