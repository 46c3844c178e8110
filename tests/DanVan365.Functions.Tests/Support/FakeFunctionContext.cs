using Microsoft.Azure.Functions.Worker;

namespace DanVan365.Functions.Tests.Support;

/// <summary>The least FunctionContext a function class needs: binding data (e.g. DequeueCount), services, cancellation.</summary>
public sealed class FakeFunctionContext : FunctionContext
{
    public FakeFunctionContext(IServiceProvider? services = null, IReadOnlyDictionary<string, object?>? bindingData = null,
        CancellationToken cancellationToken = default)
    {
        InstanceServices = services ?? new EmptyServices();
        BindingContext = new FakeBindingContext(bindingData ?? new Dictionary<string, object?>());
        CancellationToken = cancellationToken;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId { get; } = "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext { get; }

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken { get; }

    /// <summary>A queue invocation's context for attempt <paramref name="dequeueCount"/>.</summary>
    public static FakeFunctionContext ForQueue(long dequeueCount) =>
        new(bindingData: new Dictionary<string, object?>
        {
            ["DequeueCount"] =
            dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture)
        });

    private sealed class FakeBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData => data;
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
