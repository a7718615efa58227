using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// What a decision's method made of its weighted ballots: <paramref name="Eligible"/> members could take part, and
/// <paramref name="Participation"/> of them were carried by a direct ballot.
/// </summary>
public abstract record DecisionResult(int Eligible, int Participation);

/// <summary>Yes, no and abstain weights; the outcome is set once the decision has closed.</summary>
public sealed record MajorityResult(TallyCounts Counts, bool QuorumReached, Outcome? Outcome)
    : DecisionResult(Counts.Eligible, Counts.Participation);
