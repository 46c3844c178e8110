namespace DanVan365.Core.Planner;

/// <summary>Planner's documented limits (https://learn.microsoft.com/office/planner/planner-limits).</summary>
public static class PlannerLimits
{
    /// <summary>Characters in a task title.</summary>
    public const int TitleLength = 255;

    /// <summary>Users assigned to one task.</summary>
    public const int Assignees = 20;

    /// <summary>Checklist items on one task.</summary>
    public const int ChecklistItems = 20;

    /// <summary>Characters in a checklist item's title.</summary>
    public const int ChecklistTitleLength = 100;

    /// <summary>References (links) on one task.</summary>
    public const int References = 10;

    /// <summary>Labels ("category1" … "category25") in a plan.</summary>
    public const int Categories = 25;

    /// <summary>Characters in a task description.</summary>
    public const int DescriptionLength = 32000;
}
