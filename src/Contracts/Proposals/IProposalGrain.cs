using Governance.Contracts.Paging;

namespace Governance.Contracts.Proposals;

/// <summary>A proposal: lifecycle, fixed eligible set, ballots, proposal-scope delegations, deadline and tally. Key: "{cooperativeId}/{proposalId}".</summary>
[Alias("Governance.IProposalGrain")]
public interface IProposalGrain : IGrainWithStringKey
{
    /// <summary>Creates the proposal; repeating the same draft returns it unchanged.</summary>
    [Alias("Create")]
    Task<ProposalView> Create(ProposalDraft draft);

    [Alias("Get")]
    Task<ProposalView> Get();

    [Alias("Open")]
    Task<ProposalView> Open(string by);

    [Alias("Close")]
    Task<ProposalView> Close(string by);

    [Alias("CastVote")]
    Task<BallotView> CastVote(string memberId, VoteChoice choice);

    [Alias("WithdrawVote")]
    Task WithdrawVote(string memberId);

    /// <summary>Sets a proposal-scope delegation; a null delegate blocks the topic and default scopes for this proposal.</summary>
    [Alias("SetDelegation")]
    Task SetDelegation(string memberId, string? delegateId);

    [Alias("ClearDelegation")]
    Task ClearDelegation(string memberId);

    /// <summary>The member left the cooperative: their ballot and every proposal-scope delegation from or to them end.</summary>
    [Alias("MemberLeft")]
    Task MemberLeft(string memberId);

    [Alias("ListBallots")]
    Task<Page<BallotView>> ListBallots(string? cursor, int limit);

    [Alias("Trace")]
    Task<VoteTraceView> Trace(string memberId);

    [Alias("GetTally")]
    Task<TallyView> GetTally();
}
