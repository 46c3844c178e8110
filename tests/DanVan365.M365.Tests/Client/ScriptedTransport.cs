using System.Collections.Concurrent;
using System.Net;
using DanVan365.TestUtilities.Time;

namespace DanVan365.M365.Tests.Client;

/// <summary>The wire for pipeline tests: answers each request with the next scripted response, records what was sent.</summary>
internal sealed class ScriptedTransport(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _script = new(script);
    private int _sent;

    public int Sent => Volatile.Read(ref _sent);

    public static HttpResponseMessage Answer(int status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(status < 300 ? "{\"id\":\"root\"}" : "{\"error\":{\"code\":\"x\",\"message\":\"x\"}}",
                System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    /// <summary>Waits (without sleeping, bounded) until <paramref name="count"/> requests were sent.</summary>
    public async Task WaitForAsync(int count)
    {
        await Eventually.TrueAsync(() => Sent >= count, $"{count} requests sent");
        Assert.True(count == Sent, $"sent {Sent}, expected {count}");
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        var next = _script.TryDequeue(out var answer) ? answer() : Answer(200);
        next.RequestMessage = request;
        return Task.FromResult(next);
    }
}
