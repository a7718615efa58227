namespace Governance.Contracts.Proposals;

[GenerateSerializer, Immutable]
[Alias("Governance.BallotView")]
public sealed record BallotView([property: Id(0)] string MemberId, [property: Id(1)] VoteChoice Choice, [property: Id(2)] DateTimeOffset CastAt);
