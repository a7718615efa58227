using Governance.Domain.Voting;

namespace Governance.Domain.Proposals;

/// <summary>A direct vote. Ballots are public to the cooperative, so delegates stay accountable.</summary>
public sealed record Ballot(string MemberId, Choice Choice, DateTimeOffset CastAt);
