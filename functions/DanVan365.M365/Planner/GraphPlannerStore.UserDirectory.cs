using System.Globalization;
using DanVan365.Core.Errors;
using DanVan365.M365.Client;

namespace DanVan365.M365.Planner;

/// <summary>Finding the people a task is assigned to in the tenant's user directory.</summary>
public sealed partial class GraphPlannerStore
{
    /// <summary>User ids by e-mail: one batch of GET /users/{userPrincipalName} (https://learn.microsoft.com/graph/api/user-get); unknown people are left out.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveUsersAsync(IReadOnlySet<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var list = emails.ToList();
        var operations = list.Select((email, i) => new BatchOperation(i.ToString(CultureInfo.InvariantCulture), () => _client.Users[email].ToGetRequestInformation(r => r.QueryParameters.Select = ["id", "mail", "userPrincipalName"]))).ToList();
        var outcomes = await _batches.RunAsync(operations, cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var outcome = outcomes[operations[i].Id];
            if (outcome.IsSuccess)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(outcome.Body);
                if (doc.RootElement.TryGetProperty("id", out var id) && id.GetString() is { } value)
                {
                    ids[list[i]] = value;
                }
            }
            else if (outcome.Status != 404)
            {
                var (code, message, requestId) = GraphBodies.Error(outcome.Body);
                throw new RemoteServiceException($"find user {list[i]}", outcome.Status, code, requestId, message ?? "failed");
            }
        }

        return ids;
    }
}
