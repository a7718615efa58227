using Governance.Contracts.Feed;
using Governance.Contracts.Paging;
using Governance.Contracts.Proposals;

namespace Governance.Contracts.Decisions;

/// <summary>
/// A liquid decision, proposal or priority poll: lifecycle, fixed eligible set, ballots, decision-scope delegations,
/// deadline and result. Addressed by <see cref="DecisionKey"/>, whose grain type says the kind.
/// </summary>
[Alias("Governance.IDecisionGrain")]
public interface IDecisionGrain : IFeedSource
{
    /// <summary>Creates the decision; repeating the same draft returns it unchanged.</summary>
    [Alias("Create")]
    Task<DecisionView> Create(DecisionDraft draft);

    [Alias("Get")]
    Task<DecisionView> Get();

    [Alias("Open")]
    Task<DecisionView> Open(string by);

    [Alias("Close")]
    Task<DecisionView> Close(string by);

    /// <summary>Casts or replaces the member's ballot; it must mark what the decision's method reads and follow its rules.</summary>
    [Alias("CastBallot")]
    Task<DecisionBallotView> CastBallot(string memberId, DecisionBallotMarks marks);

    [Alias("WithdrawBallot")]
    Task WithdrawBallot(string memberId);

    /// <summary>Sets a decision-scope delegation; a null delegate blocks the topic and default scopes for this decision.</summary>
    [Alias("SetDelegation")]
    Task SetDelegation(string memberId, string? delegateId);

    [Alias("ClearDelegation")]
    Task ClearDelegation(string memberId);

    /// <summary>The member left the cooperative: their ballot and every decision-scope delegation from or to them end.</summary>
    [Alias("MemberLeft")]
    Task MemberLeft(string memberId);

    /// <summary>Direct ballots by member id; a ranking decision's come with their weights.</summary>
    [Alias("ListBallots")]
    Task<Page<DecisionBallotView>> ListBallots(string? cursor, int limit);

    /// <summary>Whose ballot carries the member's weight; the choice is the carrier's in a majority decision, else null.</summary>
    [Alias("Trace")]
    Task<VoteTraceView> Trace(string memberId);

    [Alias("GetResult")]
    Task<DecisionResultView> GetResult();

    /// <summary>
    /// The result now, then each time it changes, at most once per <c>Proposals:LiveResultInterval</c> (a quarter second), until the
    /// final result of the close, which ends it. Delegation changes at the topic and default scopes count too. Every
    /// watcher receives the same computed result, so a change costs one count however many watch.
    /// </summary>
    [Alias("WatchResult")]
    IAsyncEnumerable<LiveResult> WatchResult(CancellationToken cancellationToken = default);

    /// <summary>
    /// The closed decision's audit record: refused as a conflict before it closes, or when it closed before the
    /// delegations it was counted under were kept.
    /// </summary>
    [Alias("GetAudit")]
    Task<DecisionAuditView> GetAudit();

    /// <summary>
    /// The decision's own log as CloudEvents, the same events with the same ids as in its cooperative's feed. The
    /// cursor is a version of the decision's log; the next one is always set.
    /// </summary>
    [Alias("ListEvents")]
    Task<FeedPage> ListEvents(string? after, int limit);

    /// <summary>
    /// A ranking decision's item priorities in (0, 1] from the current result (once closed, the frozen one):
    /// (n - position + 1) / n for n items, so tied items share a value. Throws the not-found rule violation when the
    /// decision does not exist; a majority decision has no items to ask about.
    /// </summary>
    [Alias("GetItemPriorities")]
    Task<IReadOnlyDictionary<string, double>> GetItemPriorities();
}
