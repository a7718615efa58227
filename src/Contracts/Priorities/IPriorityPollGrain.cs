using Governance.Contracts.Paging;

namespace Governance.Contracts.Priorities;

/// <summary>
/// A priority poll: items, method, lifecycle, fixed eligible set, ballots, poll-scope delegations, deadline and result.
/// Key: "{cooperativeId}/{pollId}" (<see cref="PriorityPollKey"/>).
/// </summary>
[Alias("Governance.IPriorityPollGrain")]
public interface IPriorityPollGrain : IGrainWithStringKey
{
    /// <summary>Creates the poll; repeating the same draft returns it unchanged.</summary>
    [Alias("Create")]
    Task<PriorityPollView> Create(PriorityPollDraft draft);

    [Alias("Get")]
    Task<PriorityPollView> Get();

    [Alias("Open")]
    Task<PriorityPollView> Open(string by);

    [Alias("Close")]
    Task<PriorityPollView> Close(string by);

    /// <summary>Casts or replaces the member's ballot; it must mark what the poll's method reads and follow its rules.</summary>
    [Alias("CastBallot")]
    Task<PriorityBallotView> CastBallot(string memberId, PriorityBallotMarks marks);

    [Alias("WithdrawBallot")]
    Task WithdrawBallot(string memberId);

    /// <summary>Sets a poll-scope delegation; a null delegate blocks the topic and default scopes for this poll.</summary>
    [Alias("SetDelegation")]
    Task SetDelegation(string memberId, string? delegateId);

    [Alias("ClearDelegation")]
    Task ClearDelegation(string memberId);

    /// <summary>The member left the cooperative: their ballot and every poll-scope delegation from or to them end.</summary>
    [Alias("MemberLeft")]
    Task MemberLeft(string memberId);

    [Alias("ListBallots")]
    Task<Page<WeightedBallotView>> ListBallots(string? cursor, int limit);

    [Alias("Trace")]
    Task<PriorityTraceView> Trace(string memberId);

    [Alias("GetResult")]
    Task<PriorityResultView> GetResult();

    /// <summary>
    /// Each item's priority in (0, 1] from the current result (once closed, the frozen one): (n - position + 1) / n
    /// for n items, so tied items share a value. Throws the not-found rule violation when the poll does not exist.
    /// </summary>
    [Alias("GetItemPriorities")]
    Task<IReadOnlyDictionary<string, double>> GetItemPriorities();
}
