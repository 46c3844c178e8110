using Microsoft.Extensions.Logging;

namespace DanVan365.M365.Client;

/// <summary>
/// How much of its declared budget one instance spends: additive increase, multiplicative decrease (AIMD), as TCP shares
/// a link whose capacity no sender knows. The declared share (the budget ÷ <see cref="M365Options.InstanceCount"/>) is the
/// ceiling; a sign that the instances together spend more than the budget (a 429 or 503, or <c>RateLimit-Remaining</c>
/// too low for this instance's pace until the window resets) halves the share, at most once per
/// <see cref="HoldOffWindows"/> of a window (the answers of one overrun come back together and count once); every full
/// window without such a sign adds <see cref="Step"/> of the declared share back, never above it, never below
/// <see cref="Floor"/>. So an instance count set too low converges to what the budget allows instead of storming the
/// tenant, and a count set right is not cut at its declared pace (the signs need the instances together to outrun the budget).
/// System.Threading.RateLimiting's TokenBucketRateLimiter is not used for the bucket this adjusts: its options are fixed
/// when it is built (no share to change), it serves waiters only in arrival order (OldestFirst/NewestFirst; the oldest ward
/// <em>run</em> first needs priorities) and it reads Stopwatch rather than the composition root's TimeProvider
/// (https://learn.microsoft.com/dotnet/api/system.threading.ratelimiting.tokenbucketratelimiteroptions).
/// </summary>
public sealed class AdaptiveShare
{
    /// <summary>What a decrease keeps of the share.</summary>
    public const double Decrease = 0.5;

    /// <summary>What a clean window adds back, as a part of the declared share.</summary>
    public const double Step = 0.1;

    /// <summary>The least share kept: an instance always makes some progress, and its answers keep telling it the state.</summary>
    public const double Floor = 0.05;

    /// <summary>A decrease is not repeated within this part of a window.</summary>
    public const double HoldOffWindows = 1.0 / 6;

    private readonly Lock _gate = new();
    private readonly TokenBucket _bucket;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _name;
    private long _changed;
    private long? _decreased;

    /// <param name="bucket">The bucket whose share this sets (its window is the AIMD's round).</param>
    /// <param name="name">The budget's name in logs ("SharePoint", "Planner").</param>
    /// <param name="clock">The composition root's clock.</param>
    /// <param name="logger">Where share changes are logged.</param>
    public AdaptiveShare(TokenBucket bucket, string name, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _bucket = bucket;
        _name = name;
        _clock = clock;
        _logger = logger;
        _changed = clock.GetTimestamp();
    }

    private long _decreases;

    /// <summary>How many times the share was cut since start.</summary>
    public long Decreases => Interlocked.Read(ref _decreases);

    /// <summary>The part of the declared budget spent now (<see cref="Floor"/> … 1).</summary>
    public double Value => _bucket.Share;

    /// <summary>
    /// The instances together spend more than the budget: halve the share, unless it was halved less than
    /// <see cref="HoldOffWindows"/> of a window ago or is at the floor. Returns true when it changed.
    /// </summary>
    public bool Shrink(string reason)
    {
        double before, after;
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            before = _bucket.Share;
            if ((_decreased is { } last && _clock.GetElapsedTime(last, now) < _bucket.Window * HoldOffWindows) || before <= Floor)
            {
                return false;
            }

            after = Math.Max(Floor, before * Decrease);
            _bucket.SetShare(after);
            _decreased = now;
            _changed = now;
            _decreases++;
        }

        AdaptiveShareLog.Shrunk(_logger, _name, reason, before, after);
        return true;
    }

    /// <summary>
    /// An answer without a sign of overrun: when a whole window has passed since the share last changed, add
    /// <see cref="Step"/> back (never above the declared share). Returns true when it changed.
    /// </summary>
    public bool Clean()
    {
        double before, after;
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            before = _bucket.Share;
            if (before >= 1 || _clock.GetElapsedTime(_changed, now) < _bucket.Window)
            {
                return false;
            }

            after = Math.Min(1, before + Step);
            _bucket.SetShare(after);
            _changed = now;
        }

        AdaptiveShareLog.Grown(_logger, _name, before, after);
        return true;
    }
}

/// <summary>Share changes of the tenant's budgets (stable ids 5000–5009).</summary>
public static partial class AdaptiveShareLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning,
        Message = "Graph budget {Budget}: this instance's share cut from {Before:0.00} to {After:0.00} of its declared share ({Reason})")]
    public static partial void Shrunk(ILogger logger, string budget, string reason, double before, double after);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Graph budget {Budget}: a clean window, this instance's share grows from {Before:0.00} to {After:0.00}")]
    public static partial void Grown(ILogger logger, string budget, double before, double after);
}
