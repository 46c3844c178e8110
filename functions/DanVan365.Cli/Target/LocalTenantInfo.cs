using System.Net.Http.Json;

namespace DanVan365.Cli.Target;

/// <summary>The ward site and group of a local Graph already running, read from its control endpoint.</summary>
internal sealed record LocalTenantInfo(string SiteUrl, string GroupId)
{
    public static async Task<LocalTenantInfo> FetchAsync(string graphUrl, CancellationToken cancellationToken)
    {
        var root = graphUrl.TrimEnd('/');
        root = root.EndsWith("/v1.0", StringComparison.Ordinal) ? root[..^5] : root;
        using var http = new HttpClient();
        try
        {
            var tenant = await http.GetFromJsonAsync<TenantDto>(new Uri(root + "/_emulator/tenant"),
                cancellationToken).ConfigureAwait(false)
                ?? throw new UsageException($"--graph-url {graphUrl}: the local Graph did not describe its tenant.");
            return new LocalTenantInfo($"https://{tenant.SharePointHostname}{tenant.WardSitePath}", tenant.WardGroupId ?? string.Empty);
        }
        catch (HttpRequestException ex)
        {
            throw new UsageException($"--graph-url {graphUrl}: no local Graph answers there ({ex.Message}). Start one with `danvan365 " +
                $"emulator`.");
        }
    }

    private sealed record TenantDto(string? SharePointHostname, string? WardSitePath, string? WardGroupId);
}
