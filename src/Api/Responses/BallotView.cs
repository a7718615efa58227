using Governance.Contracts.Proposals;

namespace Governance.Api.Responses;

public sealed record BallotView(string MemberId, VoteChoice Choice, DateTimeOffset CastAt);
