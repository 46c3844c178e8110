using Microsoft.Azure.Functions.Worker;

namespace DanVan365.Cli.Serve;

/// <summary>
/// The invocation context `serve` hands the HTTP function classes: the request's services and cancellation. The functions
/// read nothing else of it; the rest is refused rather than made up.
/// </summary>
internal sealed class ServeFunctionContext(IServiceProvider services, string function, CancellationToken cancellationToken)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => function;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken => cancellationToken;
}
