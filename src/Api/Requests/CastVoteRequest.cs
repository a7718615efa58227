using Governance.Contracts.Proposals;

namespace Governance.Api.Requests;

public sealed record CastVoteRequest(VoteChoice? Choice);
