namespace Governance.Contracts.Decisions;

/// <summary>
/// A direct ballot as cast. <paramref name="Weight"/> is the number of eligible members it carries, its voter
/// included (live while voting, frozen at close), where the listing weighs ballots; else null.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionBallotView")]
public sealed record DecisionBallotView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] DateTimeOffset CastAt,
    [property: Id(2)] DecisionBallotMarks Marks,
    [property: Id(3)] int? Weight = null);
