using Governance.Contracts.Priorities;
using Governance.Domain.Priorities;
using Governance.Domain.Priorities.Polls;
using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Grains.Priorities;

/// <summary>Maps priority polls between the domain and the wire, enums by name so neither depends on the other's numbering.</summary>
public static class PriorityMapping
{
    public static PollMethod ToDomain(this PriorityMethod method) => method switch
    {
        PriorityMethod.Schulze => PollMethod.Schulze,
        PriorityMethod.Borda => PollMethod.Borda,
        PriorityMethod.Approval => PollMethod.Approval,
        PriorityMethod.Score => PollMethod.Score,
        PriorityMethod.Quadratic => PollMethod.Quadratic,
        PriorityMethod.Dot => PollMethod.Dot,
        _ => throw RuleViolationException.Invalid("invalid-method", "'method' must be schulze, borda, approval, score, quadratic or dot.", "method"),
    };

    public static PriorityMethod ToContract(this PollMethod method) => method switch
    {
        PollMethod.Schulze => PriorityMethod.Schulze,
        PollMethod.Borda => PriorityMethod.Borda,
        PollMethod.Approval => PriorityMethod.Approval,
        PollMethod.Score => PriorityMethod.Score,
        PollMethod.Quadratic => PriorityMethod.Quadratic,
        PollMethod.Dot => PriorityMethod.Dot,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static PriorityPollStatus ToContract(this PollStatus status) => status switch
    {
        PollStatus.Discussion => PriorityPollStatus.Discussion,
        PollStatus.Voting => PriorityPollStatus.Voting,
        PollStatus.Closed => PriorityPollStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static PollStatus ToDomain(this PriorityPollStatus status) => status switch
    {
        PriorityPollStatus.Discussion => PollStatus.Discussion,
        PriorityPollStatus.Voting => PollStatus.Voting,
        PriorityPollStatus.Closed => PollStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The per-decision scope is the poll's own.</summary>
    public static PriorityDelegationScope ToPriorityScope(this DelegationScope scope) => scope switch
    {
        DelegationScope.Default => PriorityDelegationScope.Default,
        DelegationScope.Topic => PriorityDelegationScope.Topic,
        DelegationScope.Proposal => PriorityDelegationScope.Poll,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    public static PollDefinition ToDefinition(this PriorityPollDraft draft) =>
        new(
            draft.Title,
            draft.Body,
            draft.Topic,
            draft.Method.ToDomain(),
            draft.Items?.Select(item => new PollItem(
                item?.Id ?? throw RuleViolationException.Invalid("invalid-item-id", "Every item needs an 'id' and a 'title'.", "items"),
                item.Title)).ToList(),
            draft.ClosesAt,
            draft.MaxScore,
            draft.CreditBudget,
            draft.PointBudget);

    public static BallotMarks ToDomain(this PriorityBallotMarks marks) =>
        new(marks.Ranking, marks.Approved, marks.Allocations?.Select(allocation => allocation is null ? null! : new ItemAmount(allocation.Item, allocation.Amount)).ToList());

    public static PriorityBallotView ToView(this PollBallot ballot) =>
        new(ballot.MemberId, ballot.CastAt, ballot.Marks.Ranking, ballot.Marks.Approved, Allocations(ballot.Marks));

    public static WeightedBallotView ToView(this PollBallot ballot, int weight) =>
        new(ballot.MemberId, ballot.CastAt, weight, ballot.Marks.Ranking, ballot.Marks.Approved, Allocations(ballot.Marks));

    public static SchulzeMatricesView ToView(this SchulzeResult schulze) =>
        new(ByItem(schulze.Preferences), ByItem(schulze.StrongestPaths));

    private static List<ItemAmountView>? Allocations(BallotMarks marks) =>
        marks.Allocations?.Select(allocation => new ItemAmountView(allocation.Item, allocation.Amount)).ToList();

    /// <summary>Rows and columns in the poll's item order; the diagonal means nothing and is left out.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, long>> ByItem(PairwiseMatrix matrix) =>
        matrix.Items.ToDictionary(
            from => from,
            from => (IReadOnlyDictionary<string, long>)matrix.Items
                .Where(over => over != from)
                .ToDictionary(over => over, over => matrix[from, over], StringComparer.Ordinal),
            StringComparer.Ordinal);
}
