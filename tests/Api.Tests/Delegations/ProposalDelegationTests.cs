namespace Governance.Api.Tests.Delegations;

[Collection(ApiCollection.Name)]
public sealed class ProposalDelegationTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Put_returns_the_entry_and_is_idempotent()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);

        var first = await Expect.Ok(await Api.Put(Routes.ProposalDelegation(cooperative, proposal, "ben"), new { delegateId = "ann" }));
        var second = await Expect.Ok(await Api.Put(Routes.ProposalDelegation(cooperative, proposal, "ben"), new { delegateId = "ann" }));

        Assert.Equal("""{"delegateId":"ann"}""", first.GetRawText());
        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    [Fact]
    public async Task A_null_delegate_is_returned_as_an_explicit_no_delegation()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);

        var entry = await Expect.Ok(await Api.Put(Routes.ProposalDelegation(cooperative, proposal, "ben"), new { delegateId = (string?)null }));

        Assert.Equal("""{"delegateId":null}""", entry.GetRawText());
    }

    [Fact]
    public async Task Proposal_delegations_do_not_show_among_the_members_cooperative_delegations()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);

        await Api.DelegateOnProposal(cooperative, proposal, "ben", "ann");

        Assert.Equal("""{"memberId":"ben","default":null,"topics":{}}""", (await Api.GetJson(Routes.Delegations(cooperative, "ben"))).GetRawText());
    }

    [Fact]
    public async Task A_delegation_set_in_discussion_applies_once_voting_opens()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.CreateProposal(cooperative);

        await Api.DelegateOnProposal(cooperative, proposal, "ben", "ann");
        await Api.Open(cooperative, proposal);
        await Api.Vote(cooperative, proposal, "ann", "no");

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", eligible: 2, participation: 2, (0, 2, 0), quorumReached: true, outcome: null);
    }

    [Fact]
    public async Task Delete_returns_204_and_lets_the_broader_scope_apply_again()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");
        await Api.DelegateOnProposal(cooperative, proposal, "cat", "ben");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 3, (1, 2, 0), true, null);

        await Expect.NoContent(await Api.Delete(Routes.ProposalDelegation(cooperative, proposal, "cat")));

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 3, (2, 1, 0), true, null);
    }

    [Fact]
    public async Task Put_and_delete_on_a_closed_proposal_are_409_and_change_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.DelegateOnProposal(cooperative, proposal, "cat", "ann");
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");
        await Api.Close(cooperative, proposal);
        string[] state = [Routes.Tally(cooperative, proposal), Routes.Trace(cooperative, proposal, "cat"), Routes.Proposal(cooperative, proposal)];
        var before = await Api.Observe(state);

        await Expect.Problem(await Api.Put(Routes.ProposalDelegation(cooperative, proposal, "cat"), new { delegateId = "ben" }), HttpStatusCode.Conflict, "proposal-closed");
        await Expect.Problem(await Api.Delete(Routes.ProposalDelegation(cooperative, proposal, "cat")), HttpStatusCode.Conflict, "proposal-closed");

        Assert.Equal(before, await Api.Observe(state));
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 3, 3, (2, 1, 0), true, "accepted");
    }

    [Fact]
    public async Task Cooperative_delegation_changes_after_close_do_not_change_the_frozen_tally()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");
        await Api.Close(cooperative, proposal);

        await Api.DelegateByDefault(cooperative, "cat", "ben");

        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 3, 3, (2, 1, 0), true, "accepted");
    }
}
