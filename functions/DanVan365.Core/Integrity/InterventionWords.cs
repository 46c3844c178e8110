namespace DanVan365.Core.Integrity;

/// <summary>The Vietnamese words of Nhật ký can thiệp (choices of its action column).</summary>
public static class InterventionWords
{
    public const string Restored = "Đã khôi phục";
    public const string Ignored = "Không sử dụng";
    public const string Refused = "Từ chối";

    /// <summary>The action's word in the list.</summary>
    public static string Of(InterventionAction action) => action switch
    {
        InterventionAction.Restored => Restored,
        InterventionAction.Ignored => Ignored,
        InterventionAction.Refused => Refused,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The action a word names, or null.</summary>
    public static InterventionAction? Parse(string? word) => word switch
    {
        Restored => InterventionAction.Restored,
        Ignored => InterventionAction.Ignored,
        Refused => InterventionAction.Refused,
        _ => null,
    };

    /// <summary>Every word, for the choice column.</summary>
    public static IReadOnlyList<string> All { get; } = [Restored, Ignored, Refused];
}
