namespace Governance.Api.Tests.Tallies;

/// <summary>Exact tallies under delegation at the three scopes: the most specific entry wins, and a direct vote beats them all.</summary>
[Collection(ApiCollection.Name)]
public sealed class ScopeTallyTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_default_delegation_gives_the_delegates_choice_the_members_weight()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        await Api.DelegateByDefault(cooperative, "dan", "ann");
        var proposal = await Api.OpenProposal(cooperative);

        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", eligible: 4, participation: 4, (3, 1, 0), quorumReached: true, outcome: null);
    }

    [Fact]
    public async Task A_topic_delegation_beats_the_default_on_proposals_of_that_topic_only()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"], topics: ["budget", "hiring"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        await Api.DelegateOnTopic(cooperative, "cat", "budget", "ben");
        var budget = await Api.OpenProposal(cooperative, topic: "budget");
        var hiring = await Api.OpenProposal(cooperative, topic: "hiring");
        var general = await Api.OpenProposal(cooperative);

        foreach (var proposal in new[] { budget, hiring, general })
        {
            await Api.Vote(cooperative, proposal, "ann", "yes");
            await Api.Vote(cooperative, proposal, "ben", "no");
        }

        Expect.Tally(await Api.Tally(cooperative, budget), "voting", 3, 3, (1, 2, 0), true, null);
        Expect.Tally(await Api.Tally(cooperative, hiring), "voting", 3, 3, (2, 1, 0), true, null);
        Expect.Tally(await Api.Tally(cooperative, general), "voting", 3, 3, (2, 1, 0), true, null);
    }

    [Fact]
    public async Task A_proposal_delegation_beats_the_topic_and_the_default()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "dan", "ann");
        await Api.DelegateOnTopic(cooperative, "dan", "budget", "ben");
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");
        await Api.Vote(cooperative, proposal, "cat", "abstain");

        await Api.DelegateOnProposal(cooperative, proposal, "dan", "cat");

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 4, 4, (1, 1, 2), true, null);
    }

    [Fact]
    public async Task An_explicit_no_delegation_on_a_topic_blocks_the_default()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        await Api.DelegateOnTopic(cooperative, "ben", "budget", null);
        var budget = await Api.OpenProposal(cooperative, topic: "budget");
        var general = await Api.OpenProposal(cooperative);

        await Api.Vote(cooperative, budget, "ann", "yes");
        await Api.Vote(cooperative, general, "ann", "yes");

        Expect.Tally(await Api.Tally(cooperative, budget), "voting", 2, 1, (1, 0, 0), true, null);
        Expect.Tally(await Api.Tally(cooperative, general), "voting", 2, 2, (2, 0, 0), true, null);
    }

    [Fact]
    public async Task An_explicit_no_delegation_on_the_proposal_blocks_the_topic_and_the_default()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        await Api.DelegateOnTopic(cooperative, "cat", "budget", "ben");
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "yes");

        await Api.DelegateOnProposal(cooperative, proposal, "cat", null);

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 2, (2, 0, 0), true, null);
        Assert.Equal("noDirectVoter", (await Api.Trace(cooperative, proposal, "cat")).GetProperty("lostReason").GetString());
    }

    [Fact]
    public async Task Deleting_an_entry_lets_the_broader_scope_apply_again()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "dan", "ann");
        await Api.DelegateOnTopic(cooperative, "dan", "budget", "ben");
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");
        await Api.Vote(cooperative, proposal, "cat", "abstain");
        await Api.DelegateOnProposal(cooperative, proposal, "dan", "cat");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 4, 4, (1, 1, 2), true, null);

        await Expect.NoContent(await Api.Delete(Routes.ProposalDelegation(cooperative, proposal, "dan")));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 4, 4, (1, 2, 1), true, null);

        await Expect.NoContent(await Api.Delete(Routes.TopicDelegation(cooperative, "dan", "budget")));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 4, 4, (2, 1, 1), true, null);

        await Expect.NoContent(await Api.Delete(Routes.DefaultDelegation(cooperative, "dan")));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 4, 3, (1, 1, 1), true, null);
    }

    [Fact]
    public async Task Deleting_an_explicit_no_delegation_lets_the_broader_scope_apply_again()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        await Api.DelegateOnTopic(cooperative, "ben", "budget", null);
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");
        await Api.Vote(cooperative, proposal, "ann", "no");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 1, (0, 1, 0), true, null);

        await Expect.NoContent(await Api.Delete(Routes.TopicDelegation(cooperative, "ben", "budget")));

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 2, (0, 2, 0), true, null);
    }

    [Fact]
    public async Task A_direct_vote_overrides_the_members_delegation_and_withdrawing_it_restores_the_delegation()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        await Api.DelegateByDefault(cooperative, "cat", "ben");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 3, (3, 0, 0), true, null);

        await Api.Vote(cooperative, proposal, "ben", "no");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 3, (1, 2, 0), true, null);
        Assert.Equal("ben", (await Api.Trace(cooperative, proposal, "cat")).GetProperty("carriedBy").GetString());

        await Api.Withdraw(cooperative, proposal, "ben");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 3, (3, 0, 0), true, null);
        Assert.Equal("ann", (await Api.Trace(cooperative, proposal, "cat")).GetProperty("carriedBy").GetString());
    }

    [Fact]
    public async Task Cooperative_delegations_changed_while_voting_count_until_close()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");

        await Api.DelegateByDefault(cooperative, "cat", "ann");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 3, (2, 1, 0), true, null);

        await Api.DelegateByDefault(cooperative, "cat", "ben");
        var closed = await Api.Close(cooperative, proposal);

        Assert.Equal("rejected", closed.GetProperty("outcome").GetString());
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 3, 3, (1, 2, 0), true, "rejected");
    }

    [Fact]
    public async Task The_eligible_set_is_fixed_when_voting_opens()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.AddMembers(cooperative, "late");
        await Api.DelegateByDefault(cooperative, "late", "ann");

        await Api.Vote(cooperative, proposal, "ann", "yes");

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 1, (1, 0, 0), true, null);
    }
}
