using Governance.Contracts.Decisions;
using Governance.Contracts.Priorities;
using Governance.Domain.Decisions;
using Governance.Domain.Priorities;
using Governance.Domain.Rules;
using Governance.Grains.Mapping;
using ContractMethod = Governance.Contracts.Decisions.DecisionMethod;

namespace Governance.Grains.Decisions;

/// <summary>Maps decisions between the domain and the wire, enums by name so neither depends on the other's numbering.</summary>
public static class DecisionMapping
{
    public static CountingMethod ToDomain(this ContractMethod method) => method switch
    {
        ContractMethod.Majority => CountingMethod.Majority,
        ContractMethod.Schulze => CountingMethod.Schulze,
        ContractMethod.Borda => CountingMethod.Borda,
        ContractMethod.Approval => CountingMethod.Approval,
        ContractMethod.Score => CountingMethod.Score,
        ContractMethod.Quadratic => CountingMethod.Quadratic,
        ContractMethod.Dot => CountingMethod.Dot,
        _ => throw RuleViolationException.Invalid("invalid-method", "'method' must be schulze, borda, approval, score, quadratic or dot.", "method"),
    };

    public static ContractMethod ToContract(this CountingMethod method) => method switch
    {
        CountingMethod.Majority => ContractMethod.Majority,
        CountingMethod.Schulze => ContractMethod.Schulze,
        CountingMethod.Borda => ContractMethod.Borda,
        CountingMethod.Approval => ContractMethod.Approval,
        CountingMethod.Score => ContractMethod.Score,
        CountingMethod.Quadratic => ContractMethod.Quadratic,
        CountingMethod.Dot => ContractMethod.Dot,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static DecisionDefinition ToDefinition(this CreateDecisionCommand command) =>
        new(
            command.Title,
            command.Body,
            command.Topic,
            command.Method.ToDomain(),
            command.ClosesAt,
            command.Items?.Select(item => new DecisionItem(
                item?.Id ?? throw RuleViolationException.Invalid("invalid-item-id", "Every item needs an 'id' and a 'title'.", "items"),
                item.Title)).ToList(),
            command.MaxScore,
            command.CreditBudget,
            command.PointBudget,
            command.Quorum ?? 0,
            command.Threshold ?? 0);

    public static BallotMarks ToDomain(this DecisionBallotMarks marks) =>
        new(
            marks.Ranking,
            marks.Approved,
            marks.Allocations?.Select(allocation => allocation is null ? null! : new ItemAmount(allocation.Item, allocation.Amount)).ToList(),
            marks.Choice?.ToDomain());

    public static DecisionBallotView ToView(this DecisionBallot ballot, int? weight = null) =>
        new(
            ballot.MemberId,
            ballot.CastAt,
            new DecisionBallotMarks(
                ballot.Marks.Choice?.ToContract(),
                ballot.Marks.Ranking,
                ballot.Marks.Approved,
                ballot.Marks.Allocations?.Select(allocation => new ItemAmountView(allocation.Item, allocation.Amount)).ToList()),
            weight);

    public static DecisionView ToView(this Decision decision, string decisionId)
    {
        var created = decision.Created!;
        return new DecisionView(
            decisionId,
            created.CooperativeId,
            created.Title,
            created.Body,
            created.Topic,
            created.Method.ToContract(),
            created.Parameter == 0 ? null : created.Parameter,
            created.Items?.Select(item => new PriorityItemView(item.Id, item.Title)).ToList(),
            decision.Status.ToContract(),
            created.At,
            decision.Opened?.At,
            created.ClosesAt,
            decision.Closing?.At,
            created.Quorum,
            created.Threshold,
            decision.Closing?.Outcome?.ToContract(),
            created.CreatedBy,
            decision.Opened?.By,
            decision.Closing?.By);
    }

    public static DecisionResultView ToView(this DecisionResult result, Decision decision)
    {
        var status = decision.Status.ToContract();
        var method = decision.Method.ToContract();
        if (result is MajorityResult majority)
        {
            var counts = majority.Counts;
            return new DecisionResultView(
                status, method, counts.Eligible, counts.Participation, new(counts.Yes, counts.No, counts.Abstain), majority.QuorumReached, majority.Outcome?.ToContract());
        }

        var ranking = (RankingResult)result;
        var titles = decision.Created!.Items!.ToDictionary(item => item.Id, item => item.Title, StringComparer.Ordinal);
        return new DecisionResultView(
            status,
            method,
            ranking.Eligible,
            ranking.Participation,
            Ranking: [.. ranking.Ranking.Entries.Select(entry => new RankedItemView(entry.Position, entry.Item, titles[entry.Item], entry.Score, entry.Tied))],
            Schulze: ranking.Schulze is { } schulze ? new SchulzeMatricesView(ByItem(schulze.Preferences), ByItem(schulze.StrongestPaths)) : null);
    }

    public static DecisionAuditView ToView(this DecisionAudit audit, Decision decision, string decisionId) =>
        new(
            decision.ToView(decisionId),
            audit.Eligible,
            audit.DefaultDelegations,
            audit.TopicDelegations,
            audit.DecisionDelegations,
            [.. audit.Ballots.Select(ballot => ballot.ToView())],
            audit.Result.ToView(decision));

    /// <summary>Rows and columns in the poll's item order; the diagonal means nothing and is left out.</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, long>> ByItem(PairwiseMatrix matrix) =>
        matrix.Items.ToDictionary(
            from => from,
            from => (IReadOnlyDictionary<string, long>)matrix.Items
                .Where(over => over != from)
                .ToDictionary(over => over, over => matrix[from, over], StringComparer.Ordinal),
            StringComparer.Ordinal);
}
