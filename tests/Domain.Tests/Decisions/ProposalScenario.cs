using Governance.Domain.Proposals;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Proposals;

/// <summary>Drives a <see cref="Proposal"/> through its own Decide/Apply pair, as the grain does.</summary>
internal static class ProposalScenario
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Deadline = Now.AddDays(7);

    /// <summary>The member who creates, opens and closes the proposals of these tests.</summary>
    public const string Author = "ann";

    public static Proposal InDiscussion(string? topic = null, DecisionRule? rule = null, DateTimeOffset? closesAt = null)
    {
        var proposal = new Proposal();
        proposal.Apply(proposal.DecideCreate("bakery", "New oven", null, topic, closesAt ?? Deadline, rule ?? DecisionRule.Default, Author, Now));
        return proposal;
    }

    public static Proposal InVoting(long rosterVersion = 1, string? topic = null, DecisionRule? rule = null)
    {
        var proposal = InDiscussion(topic, rule);
        proposal.Apply(proposal.DecideOpen(rosterVersion, Author, Now));
        return proposal;
    }

    public static Proposal Vote(this Proposal proposal, string memberId, Choice choice)
    {
        var cast = proposal.DecideCastVote(memberId, choice, eligible: true, Now);
        Assert.NotNull(cast);
        proposal.Apply(cast);
        return proposal;
    }

    public static Proposal Withdraw(this Proposal proposal, string memberId)
    {
        var withdrawn = proposal.DecideWithdrawVote(memberId, eligible: true, Now);
        Assert.NotNull(withdrawn);
        proposal.Apply(withdrawn);
        return proposal;
    }

    /// <summary>Sets a proposal-scope delegation; a null delegate is an explicit block.</summary>
    public static Proposal Delegate(this Proposal proposal, string memberId, string? delegateId)
    {
        var set = proposal.DecideSetDelegation(memberId, delegateId, Now);
        Assert.NotNull(set);
        proposal.Apply(set);
        return proposal;
    }

    public static Proposal Close(this Proposal proposal, TallyCounts counts)
    {
        proposal.Apply(proposal.DecideClose(counts, CloseReason.Requested, Now));
        return proposal;
    }
}
