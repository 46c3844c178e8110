using System.Text;

namespace DanVan365.Cli.Tests.Serve;

/// <summary>A thread-safe writer whose <see cref="Seen"/> completes once the text it waits for was written.</summary>
internal sealed class SignalWriter(string awaited) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _all = new();

    public Task Seen => _seen.Task;

    public string Text
    {
        get
        {
            lock (_all)
            {
                return _all.ToString();
            }
        }
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        lock (_all)
        {
            _all.Append(value);
            if (_all.ToString().Contains(awaited, StringComparison.Ordinal))
            {
                _seen.TrySetResult();
            }
        }
    }

    public override void WriteLine(string? value) => Write(value + "\n");

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        Write(value + "\n");
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
