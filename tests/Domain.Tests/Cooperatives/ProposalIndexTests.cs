using Governance.Domain.Cooperatives;
using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;

namespace Governance.Domain.Tests.Cooperatives;

public sealed class ProposalIndexTests
{
    [Fact]
    public void A_registered_proposal_is_listed_in_discussion()
    {
        var cooperative = Created("bread");

        cooperative.Apply(cooperative.DecideRegisterProposal("p1", "New oven", "bread", Now));

        Assert.Equal([new ProposalSummary("p1", "New oven", "bread", DecisionStatus.Discussion, Now)], cooperative.Proposals);
        Assert.Equal(DecisionStatus.Discussion, cooperative.FindProposal("p1")!.Status);
        Assert.Null(cooperative.FindProposal("p2"));
    }

    [Fact]
    public void A_late_voting_notice_never_sets_a_closed_proposal_back()
    {
        var cooperative = Created();
        cooperative.Apply(cooperative.DecideRegisterProposal("p1", "New oven", null, Now));
        cooperative.Apply(cooperative.DecideProposalStatus("p1", DecisionStatus.Closed, Now)!);

        Assert.Null(cooperative.DecideProposalStatus("p1", DecisionStatus.Voting, Now));
        Assert.Equal(DecisionStatus.Closed, cooperative.FindProposal("p1")!.Status);
    }

    [Fact]
    public void Registering_the_same_id_twice_is_a_conflict()
    {
        var cooperative = Created();
        cooperative.Apply(cooperative.DecideRegisterProposal("p1", "New oven", null, Now));

        var violation = Assert.Throws<RuleViolationException>(() => cooperative.DecideRegisterProposal("p1", "Other", null, Now));

        Assert.Equal(RuleViolationKind.Conflict, violation.Kind);
        Assert.Equal("proposal-exists", violation.Code);
    }

    [Fact]
    public void A_proposal_in_an_unknown_topic_is_invalid()
    {
        var violation = Assert.Throws<RuleViolationException>(() => Created("bread").DecideRegisterProposal("p1", "Oven", "pies", Now));

        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal("unknown-topic", violation.Code);
    }

    [Fact]
    public void Status_changes_are_recorded_and_repeats_or_unknown_proposals_change_nothing()
    {
        var cooperative = Created();
        cooperative.Apply(cooperative.DecideRegisterProposal("p1", "New oven", null, Now));

        Assert.Null(cooperative.DecideProposalStatus("p1", DecisionStatus.Discussion, Now));
        Assert.Null(cooperative.DecideProposalStatus("p2", DecisionStatus.Voting, Now));
        cooperative.Apply(cooperative.DecideProposalStatus("p1", DecisionStatus.Voting, Now)!);

        Assert.Equal(DecisionStatus.Voting, cooperative.FindProposal("p1")!.Status);
        Assert.Null(cooperative.DecideProposalStatus("p1", DecisionStatus.Voting, Now));
    }
}
