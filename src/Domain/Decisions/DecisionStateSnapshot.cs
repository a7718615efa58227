namespace Governance.Domain.Decisions;

/// <summary>A decision's whole state at one log version; <paramref name="Left"/> is absent from snapshots written before it was kept.</summary>
public sealed record DecisionStateSnapshot(
    long Version,
    DecisionCreated Created,
    VotingOpened? Opened,
    VotingClosed? Closing,
    IReadOnlyList<DecisionBallot> Ballots,
    IReadOnlyDictionary<string, string?> Delegations,
    IReadOnlyList<string>? Left = null);
