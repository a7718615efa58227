using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Decisions;

/// <summary>
/// Drives a <see cref="Decision"/> of either kind through its own Decide/Apply pair, as the grain does. What only
/// a proposal or only a poll needs is in <see cref="ProposalScenario"/> and <see cref="PollScenario"/>.
/// </summary>
internal static class DecisionScenario
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = Now.AddDays(7);

    /// <summary>The member who creates, opens and closes the decisions of these tests.</summary>
    public const string Author = "ann";

    /// <summary>The kind a theory names by its noun, "proposal" or "poll".</summary>
    public static DecisionKind Kind(string noun) => noun switch
    {
        "proposal" => DecisionKind.Proposal,
        "poll" => DecisionKind.Poll,
        _ => throw new ArgumentOutOfRangeException(nameof(noun), noun, null),
    };

    /// <summary>What <see cref="InDiscussion"/> creates: a proposal counted by majority, or a poll counted by Schulze over three items.</summary>
    public static DecisionDefinition Definition(DecisionKind kind) =>
        kind == DecisionKind.Proposal ? ProposalScenario.Definition(closesAt: Deadline) : PollScenario.Definition();

    public static Decision InDiscussion(DecisionKind kind) =>
        kind == DecisionKind.Proposal ? ProposalScenario.InDiscussion() : PollScenario.InDiscussion();

    public static Decision InVoting(DecisionKind kind) =>
        kind == DecisionKind.Proposal ? ProposalScenario.InVoting() : PollScenario.InVoting();

    /// <summary>A ballot the kind's decisions of these scenarios accept: yes, or the ranking a over b over c.</summary>
    public static BallotMarks ValidBallot(DecisionKind kind) =>
        kind == DecisionKind.Proposal ? BallotMarks.Of(Choice.Yes) : PollScenario.Ranking("a|b|c");

    public static Decision Cast(this Decision decision, string memberId, BallotMarks marks)
    {
        var cast = decision.DecideCastBallot(memberId, marks, eligible: true, Now);
        Assert.NotNull(cast);
        decision.Apply(cast);
        return decision;
    }

    public static Decision Withdraw(this Decision decision, string memberId)
    {
        var withdrawn = decision.DecideWithdrawBallot(memberId, eligible: true, Now);
        Assert.NotNull(withdrawn);
        decision.Apply(withdrawn);
        return decision;
    }

    /// <summary>Sets a decision-scope delegation; a null delegate is an explicit block.</summary>
    public static Decision Delegate(this Decision decision, string memberId, string? delegateId)
    {
        var set = decision.DecideSetDelegation(memberId, delegateId, Now);
        Assert.NotNull(set);
        decision.Apply(set);
        return decision;
    }

    public static Decision Close(this Decision decision, EligibleRoster roster, ClosingLayers layers)
    {
        decision.Apply(decision.DecideClose(roster, layers, CloseReason.Requested, Now, Author));
        return decision;
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

    /// <summary>Cooperative layers over <paramref name="members"/> with no delegations at all.</summary>
    public static ClosingLayers NoDelegations(string[] members) => new(Layer(members), null);

    /// <summary>A ranking decision's result while voting, under the roster and the cooperative's current layers.</summary>
    public static RankingResult LiveResult(this Decision decision, EligibleRoster roster, ClosingLayers layers) =>
        Assert.IsType<RankingResult>(decision.Result(roster, layers));

    /// <summary>A ranking decision's result once it no longer reads a roster or layers: in discussion or closed.</summary>
    public static RankingResult FrozenResult(this Decision decision) =>
        Assert.IsType<RankingResult>(decision.Result(null, null));

    public static RuleViolationException AssertViolation(RuleViolationKind kind, string code, Func<object?> command)
    {
        var violation = Assert.Throws<RuleViolationException>(command);
        Assert.Equal(kind, violation.Kind);
        Assert.Equal(code, violation.Code);
        return violation;
    }

    public static void AssertInvalid(string code, string field, Func<object?> command) =>
        Assert.Equal(field, AssertViolation(RuleViolationKind.Invalid, code, command).Field);

    public static void AssertConflict(string code, Func<object?> command) => AssertViolation(RuleViolationKind.Conflict, code, command);
}
