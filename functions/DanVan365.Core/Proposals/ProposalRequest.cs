namespace DanVan365.Core.Proposals;

/// <summary>
/// A new proposal as typed (API body, CLI options, web part form): strings, validated by
/// <see cref="ProposalWorkflow.Propose"/>.
/// </summary>
/// <param name="UnitCode">The proposing unit's code.</param>
/// <param name="TaskCode">The task's code; empty for a new task (kind add).</param>
/// <param name="Kind">"extend" | "change" | "add" | "remove" (or the Vietnamese word).</param>
/// <param name="Text">Proposed wording (change, add).</param>
/// <param name="LastDay">Proposed last day, yyyy-mm-dd (extend; optional for add).</param>
/// <param name="Reason">Why (required).</param>
public sealed record ProposalRequest(string? UnitCode, string? TaskCode, string? Kind, string? Text, string? LastDay, string? Reason);

/// <summary>Ids of proposals: "DX-{year}-{n:0000}", one more than the highest of that year.</summary>
public static class ProposalIds
{
    public const string Prefix = "DX-";

    /// <summary>The next id for <paramref name="year"/> given the ids already used (the list's unique key catches a race).</summary>
    public static string Next(int year, IEnumerable<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var head = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix}{year}-");
        var max = 0;
        foreach (var id in existing)
        {
            if (id is not null && id.StartsWith(head, StringComparison.Ordinal)
                && int.TryParse(id.AsSpan(head.Length), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{head}{max + 1:0000}");
    }
}
