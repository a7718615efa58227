using Governance.Domain.Security;
using Governance.Domain.Voting;

namespace Governance.Domain.Cooperatives;

/// <summary>A cooperative's whole state at one log version; delegation maps are keyed by roster index.</summary>
public sealed record CooperativeSnapshot(
    long Version,
    long DelegationVersion,
    string Name,
    DateTimeOffset CreatedAt,
    DecisionRule Rule,
    CooperativeSettings Settings,
    IReadOnlyList<string> Topics,
    IReadOnlyList<RosterEntry> Roster,
    IReadOnlyDictionary<int, int> DefaultDelegations,
    IReadOnlyDictionary<string, Dictionary<int, int>> TopicDelegations,
    IReadOnlyList<ProposalSummary> Proposals,
    IReadOnlyList<AppKey> AppKeys);
