using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.M365.Client;

namespace DanVan365.M365.Planner;

/// <summary>Finding the people a task is assigned to in the tenant's user directory.</summary>
public sealed class GraphPeopleDirectory(GraphConnection connection, BatchRunner batches)
{
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
