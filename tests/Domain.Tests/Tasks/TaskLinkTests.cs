using Governance.Domain.Rules;
using Governance.Domain.Tasks;
using static Governance.Domain.Tests.Tasks.WorkTaskScenario;

namespace Governance.Domain.Tests.Tasks;

public sealed class TaskLinkTests
{
    [Fact]
    public void No_link_is_fine_and_gets_the_default_priority()
    {
        Assert.Null(TaskLink.Validate(null, null, null, 64));
        Assert.Equal(0.5, TaskPriority.Unlinked);
    }

    [Fact]
    public void A_proposal_or_a_poll_item_is_a_link()
    {
        Assert.Equal(TaskLink.ToProposal("oven"), TaskLink.Validate("oven", null, null, 64));
        Assert.Equal(TaskLink.ToPollItem("spring", "roof"), TaskLink.Validate(null, "spring", "roof", 64));
    }

    [Theory]
    [InlineData("oven", "spring", "roof")]
    [InlineData(null, "spring", null)]
    [InlineData(null, null, "roof")]
    [InlineData("oven", null, "roof")]
    public void Anything_else_is_an_invalid_link(string? proposalId, string? pollId, string? itemId)
    {
        var violation = Assert.Throws<RuleViolationException>(() => TaskLink.Validate(proposalId, pollId, itemId, 64));

        Assert.Equal(("invalid-link", "link"), (violation.Code, violation.Field));
    }

    [Fact]
    public void A_malformed_id_in_a_link_is_invalid()
    {
        var violation = Assert.Throws<RuleViolationException>(() => TaskLink.Validate(null, "spring", "a/b", 64));

        Assert.Equal(("invalid-id", "link.itemId"), (violation.Code, violation.Field));
    }

    [Fact]
    public void Only_an_accepted_proposal_gives_its_priority()
    {
        Assert.Equal(1.0, TaskPriority.ForProposal(closed: true, accepted: true));
        AssertRefused(RuleViolationKind.Conflict, "proposal-not-closed", () => TaskPriority.ForProposal(closed: false, accepted: false));
        AssertRefused(RuleViolationKind.Conflict, "proposal-not-accepted", () => TaskPriority.ForProposal(closed: true, accepted: false));
    }

    [Fact]
    public void A_poll_item_gives_the_polls_priority_for_it()
    {
        var priorities = new Dictionary<string, double> { ["roof"] = 0.8, ["garden"] = 0.2 };

        Assert.Equal(0.8, TaskPriority.ForPollItem(priorities, "roof"));
        AssertRefused(RuleViolationKind.NotFound, "poll-item-not-found", () => TaskPriority.ForPollItem(priorities, "cellar"));
    }
}
