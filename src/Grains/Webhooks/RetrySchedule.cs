namespace Governance.Grains.Webhooks;

/// <summary>
/// How long to wait before each delivery attempt. Attempt n (from 1) waits the schedule's n-th interval, and past the
/// schedule's end its last interval again; each wait is moved by up to ±<see cref="Jitter"/> of itself, so endpoints
/// that failed together are not retried together. A receiver's Retry-After replaces the wait when it is longer.
/// </summary>
public sealed class RetrySchedule
{
    public const double DefaultJitter = 0.2;

    private readonly TimeSpan[] _intervals;
    private readonly Func<double> _nextUnitRandom;

    /// <param name="nextUnitRandom">A number in [0, 1); fixed in tests so the jitter is known.</param>
    public RetrySchedule(IReadOnlyList<TimeSpan> intervals, Func<double>? nextUnitRandom = null, double jitter = DefaultJitter)
    {
        if (intervals.Count == 0 || intervals.Any(interval => interval < TimeSpan.Zero))
        {
            throw new ArgumentException("A retry schedule has at least one interval and none is negative.", nameof(intervals));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        _intervals = [.. intervals];
        _nextUnitRandom = nextUnitRandom ?? Random.Shared.NextDouble;
        Jitter = jitter;
    }

    public double Jitter { get; }

    public IReadOnlyList<TimeSpan> Intervals => _intervals;

    /// <summary>The wait before attempt <paramref name="attempt"/>, counted from the end of the attempt before it.</summary>
    /// <param name="retryAfter">What the last response asked for, if anything.</param>
    public TimeSpan DelayBefore(int attempt, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var interval = _intervals[Math.Min(attempt, _intervals.Length) - 1];
        var factor = 1 + (Jitter * ((2 * _nextUnitRandom()) - 1));
        var delay = TimeSpan.FromTicks((long)(interval.Ticks * factor));
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }
}
