using Governance.Domain.Security;
using Governance.Domain.Voting;

namespace Governance.Domain.Cooperatives;

/// <summary>
/// A cooperative's whole state at one log version, in the shape it is held: the roster as columns and each delegation
/// layer as a dense array indexed by roster index (<see cref="DelegationEntry"/> codes; a layer may be shorter than
/// the roster, and the indexes past its end have no entry). The compact counterpart of <see cref="CooperativeSnapshot"/>.
/// </summary>
public sealed record CooperativeColumns(
    long Version,
    long DelegationVersion,
    string Name,
    DateTimeOffset CreatedAt,
    DecisionRule Rule,
    CooperativeSettings Settings,
    IReadOnlyList<string> Topics,
    RosterColumns Roster,
    int[] DefaultLayer,
    IReadOnlyDictionary<string, int[]> TopicLayers,
    IReadOnlyList<ProposalSummary> Proposals,
    IReadOnlyList<AppKey> AppKeys);
