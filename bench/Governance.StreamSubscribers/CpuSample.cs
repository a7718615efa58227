namespace Governance.StreamSubscribers;

/// <summary>A moment's CPU counters, in clock ticks.</summary>
internal readonly record struct CpuSample(long At, long ApiTicks, long OwnTicks, long MachineBusyTicks);
