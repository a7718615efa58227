using Governance.Contracts.Proposals;

namespace Governance.Api.Responses;

/// <summary>
/// The tally: live while voting, frozen at close. Participation is the number of eligible members whose weight was counted.
/// The outcome stays null until the proposal closes.
/// </summary>
public sealed record TallyView(
    ProposalStatus Status,
    int Eligible,
    int Participation,
    TallyCountsView Counts,
    bool QuorumReached,
    ProposalOutcome? Outcome);
