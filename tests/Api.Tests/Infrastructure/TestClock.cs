namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The system clock moved forward by a chosen offset. Only the wall-clock reading moves: timers still run in real
/// time, so a test can step past a proposal's deadline before the grain's deadline timer has fired.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
