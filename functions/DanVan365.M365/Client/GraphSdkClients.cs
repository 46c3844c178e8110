using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace DanVan365.M365.Client;

/// <summary>
/// The one way this process makes a <see cref="GraphServiceClient"/>. The SDK's constructor registers serializers and
/// enables the backing store in process-wide registries (Kiota's <c>ApiClientBuilder</c>), and clients made at the same
/// moment on several threads have corrupted those registries before (microsoftgraph/msgraph-sdk-dotnet issues 1629 and
/// 1635). A city's wards, the Functions' jobs and parallel tests all make clients concurrently, so construction is
/// serialised; using a client is not.
/// </summary>
public static class GraphSdkClients
{
    private static readonly Lock Gate = new();

    /// <summary>A client over <paramref name="http"/> (its handlers are the caller's), made under the process-wide gate.</summary>
    public static GraphServiceClient Create(HttpClient http, IAuthenticationProvider auth, string baseUrl)
    {
        lock (Gate)
        {
            return new GraphServiceClient(http, auth, baseUrl);
        }
    }
}
