namespace DanVan365.Core.Escalation;

/// <summary>
/// At most <see cref="MessagesPerWindow"/> messages per <see cref="Window"/> (sliding window, default 30 a minute): waits
/// on the given <see cref="TimeProvider"/> before a send that would exceed it. Not thread-safe (one run sends in order).
/// </summary>
public sealed class SendPacer
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly TimeProvider _clock;

    public SendPacer(TimeProvider clock, int messagesPerWindow = DefaultMessagesPerMinute, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(messagesPerWindow);
        _clock = clock;
        MessagesPerWindow = messagesPerWindow;
        Window = window ?? TimeSpan.FromMinutes(1);
    }

    /// <summary>The limit: 30 messages a minute.</summary>
    public const int DefaultMessagesPerMinute = 30;

    public int MessagesPerWindow { get; }

    public TimeSpan Window { get; }

    /// <summary>Total time spent waiting so far.</summary>
    public TimeSpan Waited { get; private set; }

    /// <summary>Waits until one more message fits in the window, then counts it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        while (_sent.Count > 0 && now - _sent.Peek() >= Window)
        {
            _sent.Dequeue();
        }

        if (_sent.Count >= MessagesPerWindow)
        {
            var wait = _sent.Peek() + Window - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
                Waited += wait;
            }

            _sent.Dequeue();
            now = _clock.GetUtcNow();
        }

        _sent.Enqueue(now);
    }
}
