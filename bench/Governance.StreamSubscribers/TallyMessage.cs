namespace Governance.StreamSubscribers;

/// <summary>The part of the tally body the benchmark reads.</summary>
internal sealed record TallyMessage(string Status, TallyCounts Counts);

internal sealed record TallyCounts(int Yes, int No, int Abstain);
