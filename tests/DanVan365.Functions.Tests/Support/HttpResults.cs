using Microsoft.AspNetCore.Mvc;

namespace DanVan365.Functions.Tests.Support;

/// <summary>What the HTTP functions' results say, read the same way by every trigger test.</summary>
public static class HttpResults
{
    /// <summary>The HTTP status of a function's result (an object result without a code is 200).</summary>
    public static int StatusOf(IActionResult result) => result switch
    {
        ObjectResult o => o.StatusCode ?? 200,
        StatusCodeResult s => s.StatusCode,
        _ => throw new InvalidOperationException(result?.GetType().Name ?? "null"),
    };
}
