using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.Core.Planner;
using DanVan365.M365.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan365.M365.Planner;

/// <summary>
/// The user ids of the people a task is assigned to: the Entra object id the unit directory gives (a Planner assignment is
/// keyed by the user's id: plannerassignments.md), else a look-up in the tenant's user directory by mail or sign-in name.
/// </summary>
public sealed class GraphPeopleDirectory(GraphConnection connection, BatchRunner batches, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>
    /// User ids by e-mail: a person with an object id is taken as is, without a request (an address can be re-assigned to
    /// someone else; an object id cannot). People without one are looked up by mail or sign-in name
    /// (<see cref="ResolveUsersAsync"/>) and each such fallback is logged as a warning naming only the unit's code.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IReadOnlyList<PlannerAssignee> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(people);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in people.Where(p => p.ObjectId is not null))
        {
            ids[person.Email] = person.ObjectId!;
        }

        var fallback = people.Where(p => p.ObjectId is null).ToList();
        if (fallback.Count == 0)
        {
            return ids;
        }

        foreach (var unit in fallback.GroupBy(p => p.UnitCode, StringComparer.Ordinal))
        {
            PlannerPeopleLog.ResolvedByMail(_logger, unit.Key.Length == 0 ? "-" : unit.Key, unit.Count());
        }

        var found = await ResolveUsersAsync(fallback.Select(p => p.Email).ToHashSet(StringComparer.OrdinalIgnoreCase),
            cancellationToken).ConfigureAwait(false);
        foreach (var (email, id) in found)
        {
            ids[email] = id;
        }

        return ids;
    }

    /// <summary>
    /// User ids by e-mail address: one batch of GET /users?$filter=mail eq '…' or userPrincipalName eq '…', one item per
    /// person. /users/{id | userPrincipalName} does not find a person whose mail differs from the sign-in name (docs repo:
    /// api-reference/v1.0/api/user-get.md); $filter on mail and userPrincipalName is (api-reference/v1.0/api/user-list.md).
    /// Unknown people are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveUsersAsync(
        IReadOnlySet<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var list = emails.ToList();
        var operations = list.Select((email, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture),
            () => connection.Client.Users.ToGetRequestInformation(r =>
            {
                r.QueryParameters.Filter = UserFilter(email);
                r.QueryParameters.Select = ["id", "mail", "userPrincipalName"];
            }))).ToList();
        var outcomes = await batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            if (!outcome.IsSuccess)
            {
                var (code, message, requestId) = GraphBodies.Error(outcome.Body);
                throw new RemoteServiceException($"find user {list[i]}", outcome.Status, code, requestId, message ?? "failed");
            }

            using var doc = System.Text.Json.JsonDocument.Parse(outcome.Body);
            if (doc.RootElement.TryGetProperty("value", out var users) && users.ValueKind == System.Text.Json.JsonValueKind.Array
                && users.GetArrayLength() > 0 && users[0].TryGetProperty("id", out var id) && id.GetString() is { } value)
            {
                ids[list[i]] = value;
            }
        }

        return ids;
    }

    /// <summary>The OData filter finding a person by mail or sign-in name (quotes doubled, as OData string literals need).</summary>
    public static string UserFilter(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var literal = "'" + email.Trim().Replace("'", "''", StringComparison.Ordinal) + "'";
        return $"mail eq {literal} or userPrincipalName eq {literal}";
    }
}

/// <summary>The Planner people's log events (stable ids 1520-1529); no address or name ever reaches the log.</summary>
public static partial class PlannerPeopleLog
{
    [LoggerMessage(EventId = 1520, Level = LogLevel.Warning,
        Message = "Planner assignees of unit {Unit}: {Count} person(s) without objectId in the unit directory, resolved by mail/UPN")]
    public static partial void ResolvedByMail(ILogger logger, string unit, int count);
}
