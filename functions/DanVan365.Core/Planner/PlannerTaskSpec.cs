namespace DanVan365.Core.Planner;

/// <summary>A link on a Planner task (task details "references").</summary>
public sealed record PlannerLink(string Url, string Alias, string Type);

/// <summary>
/// What sync wants one Planner task to be (one per Phân công row, i.e. task × lead unit). Only these properties are
/// sync's; progress, completion, comments, checklist ticks and extra assignees belong to people.
/// </summary>
public sealed record PlannerTaskSpec(
    string AssignmentKey,
    string TaskCode,
    string UnitCode,
    string BucketName,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset? Due,
    int Category,
    string CategoryName,
    bool Archived,
    IReadOnlyList<string> AssigneeEmails,
    string Description,
    IReadOnlyList<string> Checklist,
    IReadOnlyList<PlannerLink> References)
{
    /// <summary>A stable hash of everything sync owns on the task and its details.</summary>
    public string ContentHash => Sync.SyncPlanner.ContentHash(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["bucket"] = BucketName,
        ["title"] = Title,
        ["start"] = Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["due"] = Due?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["category"] = Category.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + CategoryName,
        ["archived"] = Archived ? "true" : "false",
        ["assignees"] = string.Join(",", AssigneeEmails.Order(StringComparer.OrdinalIgnoreCase)),
        ["description"] = Description,
        ["checklist"] = string.Join("\n", Checklist),
        ["references"] = string.Join("\n", References.Select(r => r.Url + " " + r.Alias)),
    });
}

/// <summary>The plan-level shape: plan title, buckets (one per lead unit) and labels (one per section).</summary>
public sealed record PlannerPlanSpec(string Title, IReadOnlyList<string> Buckets, IReadOnlyDictionary<int, string> Categories);
