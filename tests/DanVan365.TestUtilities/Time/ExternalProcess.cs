namespace DanVan365.TestUtilities.Time;

/// <summary>
/// The only real-time wait a test may make (.ci/house-rules.sh): polling something outside the test's clock, a real child
/// process or server (Azurite, `danvan365 emulator`, `danvan365 serve`) that takes its own time to start. Everything
/// inside the process under test waits on a fake clock (<see cref="VirtualClock"/>, FakeTimeProvider) instead.
/// </summary>
public static class ExternalProcess
{
    /// <summary>Between two looks at the process.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Looks at the process until <paramref name="ready"/> says it is ready (true) or it gave up (<paramref name="failed"/>,
    /// or <paramref name="limit"/> of real time passed, then false).
    /// </summary>
    public static async Task<bool> PollUntilAsync(Func<Task<bool>> ready, TimeSpan limit, Func<bool>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var started = TimeProvider.System.GetTimestamp();
        while (!await ready().ConfigureAwait(false))
        {
            if (failed?.Invoke() == true || TimeProvider.System.GetElapsedTime(started) > limit)
            {
                return false;
            }

            await Task.Delay(Interval, TimeProvider.System).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc cref="PollUntilAsync(Func{Task{bool}}, TimeSpan, Func{bool})"/>
    public static Task<bool> PollUntilAsync(Func<bool> ready, TimeSpan limit, Func<bool>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(ready);
        return PollUntilAsync(() => Task.FromResult(ready()), limit, failed);
    }
}
