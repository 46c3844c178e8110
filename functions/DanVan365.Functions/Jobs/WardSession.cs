using Azure.Core;
using DanVan365.Functions.Configuration;
using DanVan365.M365;
using DanVan365.M365.Client;
using DanVan365.M365.Library;
using DanVan365.M365.Lists;
using DanVan365.M365.Planner;

namespace DanVan365.Functions.Jobs;

/// <summary>One run's Graph adapter objects for one ward (fresh caches and request meter, as a new run should have).</summary>
public sealed class WardSession : GraphAdapters
{
    public WardSession(Ward ward, GraphConnection connection, TimeProvider clock)
        : base(connection, clock)
    {
        ArgumentNullException.ThrowIfNull(ward);
        Ward = ward;
    }

    public Ward Ward { get; }
}

/// <summary>Opens a <see cref="WardSession"/> for a ward.</summary>
public interface IWardSessionFactory
{
    WardSession Open(Ward ward);
}

/// <summary>
/// Sessions against Graph with the app's credential (one <see cref="TokenCredential"/> for the app, so tokens are
/// cached across runs). Retry waits use the system clock: the use cases' clock may be a test's fake one.
/// </summary>
public sealed class GraphWardSessionFactory(TokenCredential? credential = null) : IWardSessionFactory
{
    private readonly Lock _gate = new();
    private TokenCredential? _credential = credential;

    public WardSession Open(Ward ward)
    {
        ArgumentNullException.ThrowIfNull(ward);
        return new WardSession(ward, GraphClientBuilder.Create(ward.Graph, ward.Graph.Local ? null : Credential(ward)), TimeProvider.System);
    }

    private TokenCredential Credential(Ward ward)
    {
        lock (_gate)
        {
            // The tenant settings are the same for every ward: one credential (and token cache) for the app.
            return _credential ??= GraphClientBuilder.CreateCredential(ward.Graph);
        }
    }
}
