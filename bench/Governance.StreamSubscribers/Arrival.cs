namespace Governance.StreamSubscribers;

/// <summary>A message as it arrived: when (a Stopwatch timestamp), its id, its yes count and whether it is the final result.</summary>
internal readonly record struct Arrival(long At, string Id, int Yes, bool Final);
