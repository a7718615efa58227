namespace Governance.Domain.Decisions;

/// <summary>A direct ballot. Ballots are public to the cooperative, so delegates stay accountable.</summary>
public sealed record DecisionBallot(string MemberId, BallotMarks Marks, DateTimeOffset CastAt);
