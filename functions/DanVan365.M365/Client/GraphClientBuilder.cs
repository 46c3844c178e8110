using System.Net;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace DanVan365.M365.Client;

/// <summary>
/// Builds the one GraphServiceClient the adapter uses, for a tenant or for the local Graph: same code path, same
/// middleware. Exactly one retry layer: <see cref="GraphResilienceHandler"/> (Polly) takes the place of the SDK's
/// RetryHandler, bounded by <see cref="M365Options.MaxAttempts"/> and <see cref="M365Options.RetryBudget"/>, paced by
/// the tenant's budgets (<see cref="TenantResilience"/>). Items inside a $batch are retried by <see cref="BatchRunner"/>
/// with the same rules (the HTTP layer only sees the envelope).
/// </summary>
public static class GraphClientBuilder
{
    /// <summary>The app's name in the User-Agent that identifies it in Graph's and SharePoint's logs.</summary>
    public const string Product = "DanVan365";

    /// <summary>
    /// The User-Agent product SharePoint asks an enterprise application to send, <c>NONISV|CompanyName|AppName/Version</c>
    /// (SharePoint/sp-dev-docs, docs/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online.md,
    /// "How to decorate your http traffic to avoid throttling?"), e.g. <c>NONISV|UBND-TP-Hai-Phong|DanVan365/1.0.0</c>.
    /// </summary>
    public static string UserAgent(M365Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"NONISV|{options.TrafficOrganisation}|{Product}/{Version}";
    }

    private static string Version => typeof(GraphClientBuilder).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    /// <param name="options">The tenant's settings.</param>
    /// <param name="resilience">The tenant's shared budgets, retries and circuit (<see cref="TenantResilienceRegistry.For"/>).</param>
    /// <param name="credential">The app's credential (null: from the options; unused for a local Graph).</param>
    /// <param name="transport">The innermost handler (null: sockets).</param>
    /// <param name="interactive">A person waits for the answers: the client's requests go before queued ward runs.</param>
    public static GraphConnection Create(M365Options options, TenantResilience resilience, TokenCredential? credential = null,
        HttpMessageHandler? transport = null, bool interactive = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(resilience);
        options.Validate();
        var meter = new RequestMeter();
        var handlers = Handlers(resilience, interactive, options);

        // Counts what reaches the wire (retries included): the figure behind "requests=N".
        handlers.Add(meter);
        var http = GraphClientFactory.Create(handlers,
            finalHandler: transport ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });

        // Each attempt has its own timeout and the retries their budget (GraphResilienceHandler); waiting for the
        // tenant's budget is pacing, not a failure.
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.BaseAddress = new Uri(options.GraphBaseUrl.TrimEnd('/') + "/");
        IAuthenticationProvider auth = options.Local
            ? new LocalTokenProvider(options.LocalActingUserId)
            : new AzureIdentityAuthenticationProvider(credential ?? CreateCredential(options), null, null, true,
                "https://graph.microsoft.com/.default");
        var client = GraphSdkClients.Create(http, auth, options.GraphBaseUrl.TrimEnd('/'));
        return new GraphConnection(client, meter, options, resilience.Clock);
    }

    /// <summary>
    /// The SDK's default handlers with its RetryHandler replaced by <see cref="GraphResilienceHandler"/>, which takes the
    /// next place in the tenant's line (or the first, <paramref name="interactive"/>), and the User-Agent decorated as
    /// SharePoint asks (<see cref="UserAgent"/>; the organisation from <paramref name="options"/>, else the default).
    /// </summary>
    public static IList<DelegatingHandler> Handlers(TenantResilience resilience, bool interactive = false, M365Options? options = null)
    {
        ArgumentNullException.ThrowIfNull(resilience);
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            switch (handlers[i])
            {
                case RetryHandler:
                    handlers[i] = new GraphResilienceHandler(resilience,
                        interactive ? TenantResilience.FirstPriority : resilience.NextPriority());
                    break;
                case UserAgentHandler:
                    // RFC 2616 product "NONISV|Organisation|DanVan365" "/" version: '|' is a token character.
                    var organisation = options?.TrafficOrganisation ?? M365Options.DefaultTrafficOrganisation;
                    handlers[i] = new UserAgentHandler(new UserAgentHandlerOption
                    {
                        ProductName = $"NONISV|{organisation}|{Product}",
                        ProductVersion = Version,
                    });
                    break;
            }
        }

        return handlers;
    }

    /// <summary>Azure.Identity credential for the configured kind. No client secrets.</summary>
    public static TokenCredential CreateCredential(M365Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Credential switch
        {
            CredentialKind.ManagedIdentity => options.ClientId is null
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
            CredentialKind.WorkloadIdentity
                => new WorkloadIdentityCredential(new WorkloadIdentityCredentialOptions
                {
                    TenantId = options.TenantId,
                    ClientId = options.ClientId
                }),
            CredentialKind.Certificate => new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Credential, "Unknown credential kind."),
        };
    }

    /// <summary>
    /// The local Graph accepts any bearer token; it still requires the header, as Graph does. With an acting user
    /// (<see cref="M365Options.LocalActingUserId"/>) every request carries the emulator-only acting-user header.
    /// </summary>
    private sealed class LocalTokenProvider(string? actingUserId) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(request);
            request.Headers.TryAdd("Authorization", "Bearer local-development-token");
            if (actingUserId is not null)
            {
                request.Headers.TryAdd(M365Options.LocalActingUserHeader, actingUserId);
            }

            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// A configured Graph client, its request meter, the options it was built from, and the clock its waits run on (the
/// tenant's, <see cref="TenantResilience.Clock"/>: the composition root's).
/// </summary>
public sealed record GraphConnection(GraphServiceClient Client, RequestMeter Meter, M365Options Options, TimeProvider Clock);

/// <summary>Counts HTTP requests sent to Graph (a $batch counts once).</summary>
public sealed class RequestMeter : DelegatingHandler
{
    private long _requests;

    public long Requests => Interlocked.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return base.SendAsync(request, cancellationToken);
    }
}
