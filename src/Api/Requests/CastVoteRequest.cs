using Governance.Contracts.Proposals;

namespace Governance.Api.Requests;

/// <summary>A direct vote on a proposal.</summary>
/// <param name="Choice">yes, no or abstain; required.</param>
public sealed record CastVoteRequest(VoteChoice? Choice);
