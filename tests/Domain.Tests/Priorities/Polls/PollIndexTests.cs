using Governance.Domain.Decisions;
using Governance.Domain.Priorities.Polls;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Priorities.Polls;

public sealed class PollIndexTests
{
    [Fact]
    public void Polls_are_listed_in_creation_order_in_discussion()
    {
        var index = new PollIndex();
        index.Apply(index.DecideRegister("p2", "Second", null, CountingMethod.Dot, Now));
        index.Apply(index.DecideRegister("p1", "First", "budget", CountingMethod.Borda, Now.AddMinutes(1)));

        Assert.Equal(
            [new PollSummary("p2", "Second", null, CountingMethod.Dot, DecisionStatus.Discussion, Now), new PollSummary("p1", "First", "budget", CountingMethod.Borda, DecisionStatus.Discussion, Now.AddMinutes(1))],
            index.Polls);
    }

    [Fact]
    public void An_id_is_listed_once()
    {
        var index = new PollIndex();
        index.Apply(index.DecideRegister("p1", "First", null, CountingMethod.Dot, Now));

        AssertViolation(RuleViolationKind.Conflict, "poll-exists", () => index.DecideRegister("p1", "Again", null, CountingMethod.Dot, Now));
    }

    [Fact]
    public void Statuses_only_move_forward_and_unknown_polls_are_ignored()
    {
        var index = new PollIndex();
        index.Apply(index.DecideRegister("p1", "First", null, CountingMethod.Dot, Now));
        index.Apply(index.DecideStatus("p1", DecisionStatus.Closed, Now)!);

        Assert.Null(index.DecideStatus("p1", DecisionStatus.Voting, Now));
        Assert.Null(index.DecideStatus("p1", DecisionStatus.Closed, Now));
        Assert.Null(index.DecideStatus("nope", DecisionStatus.Voting, Now));
        Assert.Equal(DecisionStatus.Closed, index.Polls.Single().Status);
    }

    [Fact]
    public void A_snapshot_restores_the_list_and_its_lookups()
    {
        var index = new PollIndex();
        index.Apply(index.DecideRegister("p1", "First", null, CountingMethod.Dot, Now));
        index.Apply(index.DecideStatus("p1", DecisionStatus.Voting, Now)!);

        var restored = PollIndex.FromSnapshot(index.ToSnapshot());

        Assert.Equal(index.Polls, restored.Polls);
        Assert.True(restored.Contains("p1"));
        Assert.NotNull(restored.DecideStatus("p1", DecisionStatus.Closed, Now));
    }
}
