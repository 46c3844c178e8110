using Xunit;

namespace DanVan365.TestUtilities.Time;

/// <summary>
/// Waits for work already running in this process (another task reaching a state) without sleeping: yields to the thread
/// pool until the condition holds, bounded so that a bug fails the test instead of hanging it.
/// </summary>
public static class Eventually
{
    /// <summary>Yields until <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> if it never does.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"never true: {what}");
            }

            await Task.Yield();
            Thread.Yield();
        }
    }

    /// <summary>
    /// Looks again (an HTTP read, say) until <paramref name="condition"/> holds; fails the test naming <paramref name="what"/>
    /// if it never does. Each look is itself the pause: there is no sleep between looks.
    /// </summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"never true: {what}");
            }

            await Task.Yield();
        }
    }

    /// <summary>
    /// Lets the work a step of a fake clock released (continuations queued to the thread pool) run before the test looks:
    /// yields until the pool has no queued work left.
    /// </summary>
    public static async Task SettledAsync()
    {
        for (var i = 0; i < 100_000; i++)
        {
            await Task.Yield();
            Thread.Yield();
            if (i >= 2 && ThreadPool.PendingWorkItemCount == 0)
            {
                return;
            }
        }
    }
}
