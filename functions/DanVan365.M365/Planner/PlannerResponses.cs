using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;

namespace DanVan365.M365.Planner;

/// <summary>
/// What the Planner classes share about Graph's answers: the ward's group, eTags, failed batch items, Retry-After, and
/// how often a write is resolved again (planner-overview.md, "Planner resource versioning": 409 and 412 both mean read
/// the latest version and resolve).
/// </summary>
internal static class PlannerResponses
{
    /// <summary>How often a plan, label or bucket write that may have taken effect is looked for and sent again.</summary>
    public const int MaxPlanRounds = 4;

    /// <summary>How often a write answered 409/412 is re-read and resolved before it is reported as failed.</summary>
    public const int MaxConflictRounds = 6;

    /// <summary>The ward's Microsoft 365 group, which owns the plan (and is the team the plan is pinned in).</summary>
    public static string GroupId(GraphConnection connection) => connection.Options.GroupId
        ?? throw new ConfigurationException($"{M365Options.Section}:{nameof(M365Options.GroupId)}",
        "is missing (the ward's Microsoft 365 group owns the plan).");

    /// <summary>The eTag an object was read with, for If-Match; "*" when it has none.</summary>
    public static string ETagOf(Microsoft.Kiota.Abstractions.Serialization.IAdditionalDataHolder? holder) =>
        holder?.AdditionalData.TryGetValue("@odata.etag", out var e) == true ? GraphBodies.AsString(e) ?? "*" : "*";

    /// <summary>A failed batch item in one line: status, error code and message, request id.</summary>
    public static string Describe(BatchOutcome outcome)
    {
        var (code, message, requestId) = GraphBodies.Error(outcome.Body);
        return $"HTTP {outcome.Status} {code} {message} (request-id {requestId ?? "-"})";
    }

    /// <summary>
    /// The per-task limit a failed item names (403 with the limit as its error code: planner-overview.md, "Common Planner
    /// error conditions"), or null.
    /// </summary>
    public static string? LimitOf(BatchOutcome outcome) =>
        outcome.Status == 403 && GraphBodies.Error(outcome.Body).Code is { } code && PlannerLimitHit.PerTask.Contains(code) ? code : null;

    /// <summary>Throws the first failed batch item's error, if any.</summary>
    public static void Fail(string operation, IEnumerable<BatchOutcome> failed)
    {
        var first = failed.FirstOrDefault();
        if (first is not null)
        {
            var (code, message, requestId) = GraphBodies.Error(first.Body);
            throw new RemoteServiceException(operation, first.Status, code, requestId, message ?? "failed");
        }
    }
}
