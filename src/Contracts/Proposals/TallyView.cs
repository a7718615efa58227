namespace Governance.Contracts.Proposals;

[GenerateSerializer, Immutable]
[Alias("Governance.TallyCountsView")]
public sealed record TallyCountsView([property: Id(0)] int Yes, [property: Id(1)] int No, [property: Id(2)] int Abstain);

/// <summary>
/// The tally: live while voting, frozen at close. Participation is the number of eligible members whose weight was counted.
/// The outcome stays null until the proposal closes.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.TallyView")]
public sealed record TallyView(
    [property: Id(0)] ProposalStatus Status,
    [property: Id(1)] int Eligible,
    [property: Id(2)] int Participation,
    [property: Id(3)] TallyCountsView Counts,
    [property: Id(4)] bool QuorumReached,
    [property: Id(5)] ProposalOutcome? Outcome);
