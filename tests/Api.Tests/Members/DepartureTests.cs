namespace Governance.Api.Tests.Members;

/// <summary>
/// A member who leaves or is removed ends their part in every decision still open: their ballot is withdrawn and
/// every delegation to or from them ends at every scope. They stay in the eligible count; closed decisions keep theirs.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DepartureTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_removed_members_proposal_ballot_and_the_proposal_delegations_to_them_stop_counting()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"]);
        await Api.DelegateByDefault(cooperative, "dan", "ben");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.DelegateOnProposal(cooperative, proposal, "cat", "ben");
        await Api.Vote(cooperative, proposal, "ben", "yes");
        await Api.Vote(cooperative, proposal, "ann", "no");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", eligible: 4, participation: 4, (3, 1, 0), quorumReached: true, outcome: null);

        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", eligible: 4, participation: 1, (0, 1, 0), quorumReached: true, outcome: null);
        Assert.Equal(["ann"], Expect.IdsOf((await Api.GetJson(Routes.Votes(cooperative, proposal))).GetProperty("items"), "memberId"));
        var cat = await Api.Trace(cooperative, proposal, "cat");
        Assert.False(cat.GetProperty("counted").GetBoolean());
        Assert.Empty(cat.GetProperty("chain").EnumerateArray());
        Assert.Equal("noDirectVoter", cat.GetProperty("lostReason").GetString());
        var ben = await Api.Trace(cooperative, proposal, "ben");
        Assert.False(ben.GetProperty("counted").GetBoolean());
        Assert.Equal("noDirectVoter", ben.GetProperty("lostReason").GetString());

        await Api.Close(cooperative, proposal);
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", eligible: 4, participation: 1, (0, 1, 0), quorumReached: true, outcome: "rejected");
    }

    [Fact]
    public async Task A_member_who_left_while_voting_takes_no_further_part_even_after_rejoining()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ben", "yes");
        await Expect.NoContent(await Api.As("ben").Delete(Routes.Member(cooperative, "ben")));
        await Api.AddMembers(cooperative, "ben");

        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "ben"), new { choice = "yes" }), HttpStatusCode.Conflict, "member-left");
        await Expect.Problem(
            await Api.Put(Routes.ProposalDelegation(cooperative, proposal, "cat"), new { delegateId = "ben" }),
            HttpStatusCode.BadRequest,
            "delegate-left",
            "delegateId");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", eligible: 3, participation: 0, (0, 0, 0), quorumReached: true, outcome: null);
    }

    [Fact]
    public async Task A_proposal_delegation_made_in_discussion_to_a_member_who_then_left_falls_back_to_the_default()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        var proposal = await Api.CreateProposal(cooperative);
        await Api.DelegateOnProposal(cooperative, proposal, "cat", "ben");

        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));
        await Api.Open(cooperative, proposal);
        await Api.Vote(cooperative, proposal, "ann", "yes");

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", eligible: 2, participation: 2, (2, 0, 0), quorumReached: true, outcome: null);
        Assert.Equal("ann", (await Api.Trace(cooperative, proposal, "cat")).GetProperty("carriedBy").GetString());
    }

    [Fact]
    public async Task A_closed_proposal_keeps_the_ballot_of_a_member_who_left_afterwards()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ben", "yes");
        await Api.Close(cooperative, proposal);

        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));

        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", eligible: 2, participation: 1, (1, 0, 0), quorumReached: true, outcome: "accepted");
        Assert.Equal(["ben"], Expect.IdsOf((await Api.GetJson(Routes.Votes(cooperative, proposal))).GetProperty("items"), "memberId"));
    }

    [Fact]
    public async Task A_removed_members_poll_ballot_and_the_poll_delegations_to_them_stop_counting()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"]);
        await Api.DelegateByDefault(cooperative, "dan", "ben");
        var poll = await Api.OpenPoll(cooperative);
        await Api.DelegateOnPoll(cooperative, poll, "cat", "ben");
        await Api.Rank(cooperative, poll, "ben", "b|a|c");
        await Api.Rank(cooperative, poll, "ann", "a|c|b");
        var before = await Api.Result(cooperative, poll);
        Assert.Equal(4, before.GetProperty("participation").GetInt32());
        Assert.Equal("b", before.GetProperty("ranking")[0].GetProperty("itemId").GetString());

        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));

        var after = await Api.Result(cooperative, poll);
        Assert.Equal(4, after.GetProperty("eligible").GetInt32());
        Assert.Equal(1, after.GetProperty("participation").GetInt32());
        Assert.Equal(["1 a 2", "2 c 1", "3 b 0"], PrioritySetup.Positions(after));
        var ballots = (await Api.GetJson(PriorityRoutes.Ballots(cooperative, poll))).GetProperty("items");
        Assert.Equal(["ann"], Expect.IdsOf(ballots, "memberId"));
        Assert.Equal(1, ballots[0].GetProperty("weight").GetInt32());
        var cat = await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, "cat"));
        Assert.False(cat.GetProperty("counted").GetBoolean());
        Assert.Empty(cat.GetProperty("chain").EnumerateArray());
        Assert.Equal("noDirectVoter", cat.GetProperty("lostReason").GetString());
        await Expect.Problem(await Api.Put(PriorityRoutes.Ballot(cooperative, poll, "ben"), new { ranking = PrioritySetup.Ranking("b|a|c") }), HttpStatusCode.NotFound);

        await Api.ClosePoll(cooperative, poll);
        var closed = await Api.Result(cooperative, poll);
        Assert.Equal(1, closed.GetProperty("participation").GetInt32());
        Assert.Equal(["1 a 2", "2 c 1", "3 b 0"], PrioritySetup.Positions(closed));
    }
}
