using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DanVan365.M365.Client;

/// <summary>
/// The tenants' <see cref="TenantResilience"/> of this process: one singleton of the composition root
/// (<see cref="Composition.DanVan365Services.AddDanVan365"/>), so every ward scope of a tenant shares one budget and one
/// circuit, and a second container (another test, another local Graph on a reused port) starts from a fresh state. Each
/// tenant's state is made on first use with the container's <see cref="TimeProvider"/>.
/// </summary>
public sealed class TenantResilienceRegistry(TimeProvider clock, ILoggerFactory? loggerFactory = null)
{
    private readonly ConcurrentDictionary<(string Tenant, int Instance), TenantResilience> _tenants = new(KeyComparer.Instance);

    /// <summary>The clock of every tenant's budgets, retries and circuit.</summary>
    public TimeProvider Clock { get; } = clock ?? throw new ArgumentNullException(nameof(clock));

    /// <summary>
    /// The state of the options' tenant as Function instance <paramref name="instance"/> holds it. A process is one instance
    /// (0); the city benchmark simulates several in one process, each with its own share of the budgets
    /// (<see cref="Composition.WardTarget.Instance"/>).
    /// </summary>
    public TenantResilience For(M365Options options, int instance = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(instance);
        return _tenants.GetOrAdd((TenantResilience.KeyOf(options), instance),
            static (_, args) => new TenantResilience(args.Options, args.Clock, args.Logs), (Options: options, Clock, Logs: loggerFactory));
    }

    private sealed class KeyComparer : IEqualityComparer<(string Tenant, int Instance)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Tenant, int Instance) x, (string Tenant, int Instance) y) =>
            x.Instance == y.Instance && StringComparer.OrdinalIgnoreCase.Equals(x.Tenant, y.Tenant);

        public int GetHashCode((string Tenant, int Instance) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Tenant), obj.Instance);
    }
}
