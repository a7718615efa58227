using Governance.Domain.Voting;

namespace Governance.Domain.Proposals;

/// <summary>A proposal's whole state at one log version; <paramref name="Left"/> is absent from snapshots written before it was kept.</summary>
public sealed record ProposalSnapshot(
    long Version,
    ProposalCreated Created,
    VotingOpened? Opened,
    VotingClosed? Closing,
    IReadOnlyList<Ballot> Ballots,
    IReadOnlyDictionary<string, string?> Delegations,
    IReadOnlyList<string>? Left = null);
