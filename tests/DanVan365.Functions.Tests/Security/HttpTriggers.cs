using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using DanVan365.TestUtilities;
using Microsoft.Azure.Functions.Worker;

namespace DanVan365.Functions.Tests.Security;

/// <summary>One function as the Worker SDK's build wrote it in functions.metadata.</summary>
public sealed record MetadataFunction(string Name, string TriggerType, IReadOnlyList<string> Methods, string? Route)
{
    public bool IsHttp => string.Equals(TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>A concrete path for the route: int-constrained parameters become 1, others "x".</summary>
    public string SamplePath() =>
        "/api/" + Regex.Replace(
            Route ?? Name, @"\{(\w+)(:int)?\}", m => m.Groups[2].Success ? "1" : "x", RegexOptions.None, TimeSpan.FromSeconds(1));
}

/// <summary>Reads functions.metadata next to the built Functions app (as FunctionsMetadataTests finds it).</summary>
public static partial class FunctionsMetadataFile
{
    public static IReadOnlyList<MetadataFunction> Read()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(
            TestData.RepoRoot, "functions", "DanVan365.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}: build functions/DanVan365.Functions first.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(Parse)];
    }

    public static IReadOnlyList<MetadataFunction> HttpTriggers() => [.. Read().Where(f => f.IsHttp)];

    private static MetadataFunction Parse(JsonElement function)
    {
        var trigger = function.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        var methods = trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var route = trigger.TryGetProperty("route", out var r) ? r.GetString() : null;
        return new MetadataFunction(function.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!, methods, route);
    }
}

/// <summary>The definition of a function as the worker gives it to middleware: its name and its trigger binding.</summary>
public sealed class MetadataFunctionDefinition(MetadataFunction function) : FunctionDefinition
{
    public override ImmutableArray<FunctionParameter> Parameters => [];

    public override string PathToAssembly => typeof(DanVan365.Functions.Triggers.AdminFunctions).Assembly.Location;

    public override string EntryPoint => function.Name;

    public override string Id => function.Name;

    public override string Name => function.Name;

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty.Add("trigger", new TriggerBinding(function.TriggerType));

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } =
        ImmutableDictionary<string, BindingMetadata>.Empty;

    private sealed class TriggerBinding(string type) : BindingMetadata
    {
        public override string Name => "trigger";

        public override string Type => type;

        public override BindingDirection Direction => BindingDirection.In;
    }
}

/// <summary>
/// A function invocation as the ASP.NET Core integration hands it to worker middleware: the function's definition
/// and, for HTTP triggers, the request's HttpContext in Items["HttpRequestContext"] (read by GetHttpContext()).
/// </summary>
public sealed class InvocationContext : FunctionContext
{
    public InvocationContext(MetadataFunction function, IServiceProvider services, Microsoft.AspNetCore.Http.HttpContext? http)
    {
        FunctionDefinition = new MetadataFunctionDefinition(function);
        InstanceServices = services;
        if (http is not null)
        {
            Items["HttpRequestContext"] = http;
        }

        CancellationToken = http?.RequestAborted ?? CancellationToken.None;
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken { get; }
}
