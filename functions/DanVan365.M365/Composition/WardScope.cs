using DanVan365.Core.Wards;
using DanVan365.M365.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan365.M365.Composition;

/// <summary>What one ward scope works on: the ward (names, units, calendar) and its Graph connection settings.</summary>
/// <param name="Ward">The ward's context, loaded and validated at the edge.</param>
/// <param name="Graph">Tenant settings plus the ward's site, group and mailbox.</param>
public sealed record WardTarget(WardContext Ward, M365Options Graph)
{
    /// <summary>The HTTP transport under the Graph client; null: the default sockets handler (tests put interceptors here).</summary>
    public HttpMessageHandler? Transport { get; init; }

    /// <summary>
    /// The Function instance that runs this ward, whose share of the tenant's budgets and whose circuit its requests use
    /// (<see cref="TenantResilienceRegistry.For"/>): 0, the process, except in the city benchmark, which simulates several
    /// instances in one process.
    /// </summary>
    public int Instance { get; init; }

    /// <summary>
    /// A person is waiting for this scope's answer (the web part's HTTP calls): its Graph requests go before every queued
    /// ward run in the tenant's budgets (<see cref="TenantResilience.FirstPriority"/>), which otherwise serve the oldest
    /// run first. Background runs (timers, queue jobs, the CLI's batch work) leave it false.
    /// </summary>
    public bool Interactive { get; init; }

    /// <summary>
    /// When this run must stop (<see cref="WardRunDeadline"/>): a queue job's start plus <c>WardJobs:RunTimeLimit</c>, so it
    /// ends before the function timeout and is continued by a follow-up message; null (CLI, serve, HTTP): never.
    /// </summary>
    public DateTimeOffset? Deadline { get; init; }
}

/// <summary>Opens a ward's scope: one run's adapters (fresh caches, fresh request meter) and use cases for that ward.</summary>
public interface IWardScopeFactory
{
    WardScope Open(WardTarget target);
}

/// <summary>
/// One ward, one run: resolves that ward's use cases (<see cref="WardSync"/>, <see cref="DecisionIntake"/>,
/// <see cref="RoundCompilation"/>, <see cref="ReportIngestion"/>, <see cref="WardEscalation"/>, …) from the container.
/// Disposing it disposes the run's Graph client.
/// </summary>
public sealed class WardScope : IDisposable, IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    internal WardScope(AsyncServiceScope scope, WardTarget target)
    {
        _scope = scope;
        Target = target;
    }

    public WardTarget Target { get; }

    public WardContext Ward => Target.Ward;

    public IServiceProvider Services => _scope.ServiceProvider;

    /// <summary>This run's Graph adapter objects (tests inspect them; entry points call use cases).</summary>
    public GraphAdapters Adapters => Get<GraphAdapters>();

    /// <summary>Requests sent to Graph in this scope so far.</summary>
    public long Requests => Get<IRequestMeter>().Requests;

    public T Get<T>()
        where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public void Dispose() => _scope.Dispose();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}

/// <summary>The target of the scope being resolved (set once, right after the scope is created).</summary>
internal sealed class WardTargetHolder
{
    private WardTarget? _target;

    public WardTarget Target
    {
        get => _target
            ?? throw new InvalidOperationException(
                "Ward services are resolved through IWardScopeFactory.Open, not from the root container.");
        set => _target = _target is null ? value : throw new InvalidOperationException("The ward of a scope is set once.");
    }
}

internal sealed class WardScopeFactory(IServiceScopeFactory scopes) : IWardScopeFactory
{
    public WardScope Open(WardTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Graph.Validate();
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WardTargetHolder>().Target = target;
        return new WardScope(scope, target);
    }
}
