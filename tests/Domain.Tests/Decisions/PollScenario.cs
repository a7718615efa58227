using Governance.Domain.Priorities;
using Governance.Domain.Priorities.Polls;
using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Priorities.Polls;

/// <summary>Drives a <see cref="Poll"/> through its own Decide/Apply pair, as the grain does.</summary>
internal static class PollScenario
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = Now.AddDays(7);

    /// <summary>The member who creates, opens and closes the polls of these tests.</summary>
    public const string Author = "ann";

    public static readonly PollItem[] ThreeItems = [new("a", "Item A"), new("b", "Item B"), new("c", "Item C")];

    public static PollDefinition Definition(PollMethod method = PollMethod.Schulze, PollItem[]? items = null, string? topic = null) =>
        new("Next quarter", null, topic, method, items ?? ThreeItems, Deadline);

    public static Poll InDiscussion(PollMethod method = PollMethod.Schulze, string? topic = null, GovernanceLimits? limits = null)
    {
        var poll = new Poll { Limits = limits ?? GovernanceLimits.Default };
        poll.Apply(poll.DecideCreate("bakery", Definition(method, topic: topic), Author, Now)!);
        return poll;
    }

    public static Poll InVoting(PollMethod method = PollMethod.Schulze, string? topic = null)
    {
        var poll = InDiscussion(method, topic);
        poll.Apply(poll.DecideOpen(1, Author, Now));
        return poll;
    }

    public static Poll Cast(this Poll poll, string memberId, BallotMarks marks)
    {
        var cast = poll.DecideCastBallot(memberId, marks, eligible: true, Now);
        Assert.NotNull(cast);
        poll.Apply(cast);
        return poll;
    }

    /// <summary>"a|bc" ranks a over b and c, which are tied.</summary>
    public static Poll Rank(this Poll poll, string memberId, string ranks) => poll.Cast(memberId, Ranking(ranks));

    public static BallotMarks Ranking(string ranks) =>
        new(Ranking: [.. ranks.Split('|').Select(rank => (IReadOnlyList<string>)[.. rank.Select(item => item.ToString())])]);

    public static BallotMarks Allocations(params (string Item, int Amount)[] amounts) =>
        new(Allocations: [.. amounts.Select(amount => new ItemAmount(amount.Item, amount.Amount))]);

    /// <summary>Sets a poll-scope delegation; a null delegate is an explicit block.</summary>
    public static Poll Delegate(this Poll poll, string memberId, string? delegateId)
    {
        var set = poll.DecideSetDelegation(memberId, delegateId, Now);
        Assert.NotNull(set);
        poll.Apply(set);
        return poll;
    }

    public static Poll Close(this Poll poll, EligibleRoster roster, ClosingLayers layers)
    {
        poll.Apply(poll.DecideClose(roster, layers, CloseReason.Requested, Now, Author));
        return poll;
    }

    /// <summary>Every member eligible unless listed in <paramref name="ineligible"/>.</summary>
    public static EligibleRoster Roster(string[] members, params string[] ineligible) =>
        new(members, [.. members.Select(member => !ineligible.Contains(member))]);

    /// <summary>Layers over <paramref name="members"/>: each pair delegates from the first to the second; null blocks.</summary>
    public static int[] Layer(string[] members, params (string From, string? To)[] delegations)
    {
        var layer = DelegationEntry.EmptyLayer(members.Length);
        foreach (var (from, to) in delegations)
        {
            layer[Array.IndexOf(members, from)] = to is null ? DelegationEntry.Blocked : Array.IndexOf(members, to);
        }

        return layer;
    }

    public static PollResult LiveResult(this Poll poll, EligibleRoster roster, ClosingLayers layers) =>
        poll.Result(() => (poll.BallotWeights(roster, layers), roster.EligibleCount));

    public static RuleViolationException AssertViolation(RuleViolationKind kind, string code, Func<object?> command)
    {
        var violation = Assert.Throws<RuleViolationException>(command);
        Assert.Equal(kind, violation.Kind);
        Assert.Equal(code, violation.Code);
        return violation;
    }

    public static void AssertInvalid(string code, string field, Func<object?> command) =>
        Assert.Equal(field, AssertViolation(RuleViolationKind.Invalid, code, command).Field);
}
