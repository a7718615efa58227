namespace Governance.Domain.Priorities.Polls;

/// <summary>A direct ballot in a poll. Ballots are public to the cooperative, so delegates stay accountable.</summary>
public sealed record PollBallot(string MemberId, BallotMarks Marks, DateTimeOffset CastAt);
