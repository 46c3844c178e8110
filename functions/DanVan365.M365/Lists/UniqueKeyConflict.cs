using DanVan365.M365.Client;

namespace DanVan365.M365.Lists;

/// <summary>
/// Recognises "the unique key is taken" on a list item create. A column with enforceUniqueValues refuses a second
/// item with the same value (docs repo: api-reference/v1.0/resources/columndefinition.md, enforceUniqueValues); the
/// documentation gives no status for it, and SharePoint has been seen to answer it as 409 and as 400/500 with the same
/// text. So the answer is read by its status AND its text: a 409 about something else (a Planner-style version
/// conflict, a throttling proxy) is not a key conflict, and a 400/500 naming duplicate values is one.
/// </summary>
public static class UniqueKeyConflict
{
    public static bool Is(BatchOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status is not (400 or 409 or 500))
        {
            return false;
        }

        var (code, message, _) = GraphBodies.Error(outcome.Body);
        return string.Equals(code, "nameAlreadyExists", StringComparison.OrdinalIgnoreCase)
            || (message?.Contains("duplicate value", StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
