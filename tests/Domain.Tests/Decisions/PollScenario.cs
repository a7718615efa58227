using Governance.Domain.Decisions;
using Governance.Domain.Priorities;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>A priority poll: a <see cref="Decision"/> of the poll kind, counted by a ranking method.</summary>
internal static class PollScenario
{
    public static readonly DecisionItem[] ThreeItems = [new("a", "Item A"), new("b", "Item B"), new("c", "Item C")];

    public static DecisionDefinition Definition(CountingMethod method = CountingMethod.Schulze, DecisionItem[]? items = null, string? topic = null) =>
        new("Next quarter", null, topic, method, Deadline, items ?? ThreeItems);

    public static Decision InDiscussion(CountingMethod method = CountingMethod.Schulze, string? topic = null, GovernanceLimits? limits = null)
    {
        var poll = new Decision(DecisionKind.Poll) { Limits = limits ?? GovernanceLimits.Default };
        poll.Apply(poll.DecideCreate("bakery", Definition(method, topic: topic), Author, Now)!);
        return poll;
    }

    public static Decision InVoting(CountingMethod method = CountingMethod.Schulze, string? topic = null)
    {
        var poll = InDiscussion(method, topic);
        poll.Apply(poll.DecideOpen(1, Author, Now));
        return poll;
    }

    /// <summary>"a|bc" ranks a over b and c, which are tied.</summary>
    public static Decision Rank(this Decision poll, string memberId, string ranks) => poll.Cast(memberId, Ranking(ranks));

    public static BallotMarks Ranking(string ranks) =>
        new(Ranking: [.. ranks.Split('|').Select(rank => (IReadOnlyList<string>)[.. rank.Select(item => item.ToString())])]);

    public static BallotMarks Allocations(params (string Item, int Amount)[] amounts) =>
        new(Allocations: [.. amounts.Select(amount => new ItemAmount(amount.Item, amount.Amount))]);
}
