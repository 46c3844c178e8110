namespace DanVan365.Core.Planner;

/// <summary>
/// A per-task limit Planner answered a write with: 403 Forbidden whose error code names the limit (docs repo:
/// api-reference/v1.0/resources/planner-overview.md, "Common Planner error conditions", "403 Forbidden"). The write was
/// sent again without what went over the limit (the assignees, checklist items or references sync would have added), so
/// the rest of the task is in step and the run does not fail; the Phân công row records the task's hash as written, so
/// the same over-limit write is not tried again every run, only once the decision's value for that task changes.
/// </summary>
/// <param name="AssignmentKey">The Phân công row (code|unitCode).</param>
/// <param name="TaskId">The Planner task.</param>
/// <param name="Code">The limit's code as Graph named it, e.g. MaximumAssigneesInTasks.</param>
public sealed record PlannerLimitHit(string AssignmentKey, string TaskId, string Code)
{
    /// <summary>The assignments property holds too many values.</summary>
    public const string Assignees = "MaximumAssigneesInTasks";

    /// <summary>The task details' checklist holds too many values.</summary>
    public const string ChecklistItems = "MaximumChecklistItemsOnTask";

    /// <summary>The task details' references hold too many values.</summary>
    public const string References = "MaximumReferencesOnTask";

    /// <summary>The per-task limits sync handles this way.</summary>
    public static IReadOnlySet<string> PerTask { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Assignees, ChecklistItems, References };

    /// <summary>What people read: which task, which limit, what was left out and what to do.</summary>
    public string Sentence => Code switch
    {
        Assignees => $"Công việc Planner của {AssignmentKey} đã có tối đa {PlannerLimits.Assignees} người được giao: "
            + "chưa giao thêm người theo danh bạ đơn vị; hãy bớt người được giao trên Planner rồi đồng bộ lại.",
        ChecklistItems => $"Công việc Planner của {AssignmentKey} đã có tối đa {PlannerLimits.ChecklistItems} mục kiểm tra: "
            + "chưa thêm các đơn vị phối hợp mới vào danh sách kiểm tra; hãy bớt mục trên Planner rồi đồng bộ lại.",
        References => $"Công việc Planner của {AssignmentKey} đã có tối đa {PlannerLimits.References} tệp đính kèm: "
            + "chưa đính kèm liên kết mới; hãy bớt tệp đính kèm trên Planner rồi đồng bộ lại.",
        _ => $"Công việc Planner của {AssignmentKey} vượt giới hạn của Planner ({Code}).",
    };
}
