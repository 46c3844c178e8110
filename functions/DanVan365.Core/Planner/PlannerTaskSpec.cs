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
    /// <summary>
    /// Texts that only say which decision the task came from (the decision's link, its name in the references, the
    /// "Theo Quyết định số …" line): left out of <see cref="ContentHash"/>, so a re-issued decision that leaves the
    /// entry unchanged leaves the task alone.
    /// </summary>
    public IReadOnlyList<string> ProvenanceTexts { get; init; } = [];

    /// <summary>
    /// A stable hash of the content sync owns on the task and its details. The start date is not in it (it is set
    /// when the task is created and never moved by a later decision), nor are <see cref="ProvenanceTexts"/>.
    /// </summary>
    public string ContentHash => Sync.SyncPlanner.ContentHash(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["bucket"] = BucketName,
        ["title"] = Title,
        ["due"] = Due?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["category"] = Category.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + CategoryName,
        ["archived"] = Archived ? "true" : "false",
        ["assignees"] = string.Join(",", AssigneeEmails.Order(StringComparer.OrdinalIgnoreCase)),
        ["description"] = WithoutProvenance(Description),
        ["checklist"] = string.Join("\n", Checklist),
        ["references"] = string.Join("\n", References.Select(r => WithoutProvenance(r.Url + " " + r.Alias))),
    });

    private string WithoutProvenance(string text)
    {
        foreach (var p in ProvenanceTexts.Where(p => p.Length > 0).OrderByDescending(p => p.Length))
        {
            text = text.Replace(p, string.Empty, StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>The plan-level shape: plan title, buckets (one per lead unit) and labels (one per section).</summary>
public sealed record PlannerPlanSpec(string Title, IReadOnlyList<string> Buckets, IReadOnlyDictionary<int, string> Categories);
