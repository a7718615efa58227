using Governance.Domain.Decisions;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>A proposal: a <see cref="Decision"/> of the proposal kind, counted by majority.</summary>
internal static class ProposalScenario
{
    public static DecisionDefinition Definition(
        string title = "New oven", string? body = null, string? topic = null, DecisionRule? rule = null, DateTimeOffset? closesAt = null)
    {
        var valid = rule ?? DecisionRule.Default;
        return new(title, body, topic, CountingMethod.Majority, closesAt, Quorum: valid.Quorum, Threshold: valid.Threshold);
    }

    public static Decision InDiscussion(string? topic = null, DecisionRule? rule = null, DateTimeOffset? closesAt = null)
    {
        var proposal = new Decision(DecisionKind.Proposal);
        proposal.Apply(proposal.DecideCreate("bakery", Definition(topic: topic, rule: rule, closesAt: closesAt ?? Deadline), Author, Now)!);
        return proposal;
    }

    public static Decision InVoting(long rosterVersion = 1, string? topic = null, DecisionRule? rule = null)
    {
        var proposal = InDiscussion(topic, rule);
        proposal.Apply(proposal.DecideOpen(rosterVersion, Author, Now));
        return proposal;
    }

    public static Decision Vote(this Decision proposal, string memberId, Choice choice) => proposal.Cast(memberId, BallotMarks.Of(choice));

    /// <summary>
    /// Decides the close so that the tally is <paramref name="counts"/>: on a roster of exactly
    /// <paramref name="counts"/>.Eligible members without delegations, where the ballots already cast stand and new
    /// members cast the yes, no and abstain ballots still missing. The helper checks the counts it produced.
    /// </summary>
    public static VotingClosed DecideCloseTo(
        this Decision proposal, TallyCounts counts, CloseReason reason, DateTimeOffset now, string? by = null)
    {
        var missing = new Dictionary<Choice, int>
        {
            [Choice.Yes] = counts.Yes,
            [Choice.No] = counts.No,
            [Choice.Abstain] = counts.Abstain,
        };
        foreach (var ballot in proposal.Ballots.Values)
        {
            missing[ballot.Marks.Choice!.Value]--;
        }

        foreach (var (choice, count) in missing)
        {
            for (var voter = 0; voter < count; voter++)
            {
                proposal.Vote($"{choice.ToString().ToLowerInvariant()}-voter-{voter}", choice);
            }
        }

        string[] members = [.. proposal.Ballots.Keys];
        Assert.True(members.Length <= counts.Eligible, "The ballots already cast exceed the counts.");
        members = [.. members, .. Enumerable.Range(0, counts.Eligible - members.Length).Select(index => $"absent-{index}")];
        var closed = Assert.IsType<VotingClosed>(proposal.DecideClose(Roster(members), NoDelegations(members), reason, now, by));
        Assert.Equal(counts, closed.Counts);
        return closed;
    }

    /// <summary>Closes the proposal on request with the tally <paramref name="counts"/>; see <see cref="DecideCloseTo"/>.</summary>
    public static Decision Close(this Decision proposal, TallyCounts counts)
    {
        proposal.Apply(proposal.DecideCloseTo(counts, CloseReason.Requested, Now));
        return proposal;
    }
}
