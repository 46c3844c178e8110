using DanVan365.Core.Errors;
using Microsoft.Graph.Models.ODataErrors;

namespace DanVan365.M365.Client;

/// <summary>Turns Graph's errors into <see cref="RemoteServiceException"/> (status, error code, request id).</summary>
public static class GraphErrors
{
    public static RemoteServiceException From(string operation, ODataError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new RemoteServiceException(
            operation,
            error.ResponseStatusCode,
            error.Error?.Code,
            error.Error?.InnerError?.RequestId ?? RequestIdFrom(error.ResponseHeaders),
            error.Error?.Message ?? error.Message,
            error);
    }

    /// <summary>Runs a Graph call; a Graph error becomes a <see cref="RemoteServiceException"/> naming the operation.</summary>
    public static async Task<T> Call<T>(string operation, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ODataError error)
        {
            throw From(operation, error);
        }
    }

    /// <summary>True when the error is this HTTP status.</summary>
    public static bool Is(ODataError error, int status) => error?.ResponseStatusCode == status;

    private static string? RequestIdFrom(IDictionary<string, IEnumerable<string>>? headers) =>
        headers is not null && headers.TryGetValue("request-id", out var values) ? values.FirstOrDefault() : null;
}
