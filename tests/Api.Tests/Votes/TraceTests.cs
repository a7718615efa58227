namespace Governance.Api.Tests.Votes;

[Collection(ApiCollection.Name)]
public sealed class TraceTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_direct_voter_carries_their_own_weight()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "abstain");

        var trace = await Api.Trace(cooperative, proposal, "ann");

        Assert.Equal("""{"memberId":"ann","counted":true,"carriedBy":"ann","choice":"abstain","chain":[],"lostReason":null}""", trace.GetRawText());
    }

    [Fact]
    public async Task The_trace_names_the_carrier_and_every_hop_with_its_scope()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "dan", "cat");
        await Api.DelegateOnTopic(cooperative, "cat", "budget", "ben");
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");
        await Api.DelegateOnProposal(cooperative, proposal, "ben", "ann");
        await Api.Vote(cooperative, proposal, "ann", "no");

        var trace = await Api.Trace(cooperative, proposal, "dan");

        Assert.Equal(
            """{"memberId":"dan","counted":true,"carriedBy":"ann","choice":"no","chain":[{"from":"dan","to":"cat","scope":"default"},{"from":"cat","to":"ben","scope":"topic"},{"from":"ben","to":"ann","scope":"proposal"}],"lostReason":null}""",
            trace.GetRawText());
    }

    [Fact]
    public async Task The_first_direct_voter_on_the_chain_is_the_carrier()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ben");
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");

        var trace = await Api.Trace(cooperative, proposal, "cat");

        Assert.Equal(
            """{"memberId":"cat","counted":true,"carriedBy":"ben","choice":"no","chain":[{"from":"cat","to":"ben","scope":"default"}],"lostReason":null}""",
            trace.GetRawText());
    }

    [Fact]
    public async Task A_chain_without_a_direct_voter_loses_the_weight()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        var proposal = await Api.OpenProposal(cooperative);

        var trace = await Api.Trace(cooperative, proposal, "ben");

        Assert.Equal(
            """{"memberId":"ben","counted":false,"carriedBy":null,"choice":null,"chain":[{"from":"ben","to":"ann","scope":"default"}],"lostReason":"noDirectVoter"}""",
            trace.GetRawText());
    }

    [Fact]
    public async Task A_chain_that_loops_loses_the_weight()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "ann", "ben");
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        var proposal = await Api.OpenProposal(cooperative);

        var trace = await Api.Trace(cooperative, proposal, "cat");

        Assert.False(trace.GetProperty("counted").GetBoolean());
        Assert.Equal("cycle", trace.GetProperty("lostReason").GetString());
        Assert.Equal(["ann", "ben", "ann"], Expect.IdsOf(trace.GetProperty("chain"), "to"));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 0, (0, 0, 0), true, null);
    }

    [Fact]
    public async Task A_chain_through_a_member_who_joined_after_opening_loses_the_weight()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.AddMembers(cooperative, "late");
        await Api.DelegateOnProposal(cooperative, proposal, "ben", "late");

        var trace = await Api.Trace(cooperative, proposal, "ben");

        Assert.Equal(
            """{"memberId":"ben","counted":false,"carriedBy":null,"choice":null,"chain":[{"from":"ben","to":"late","scope":"proposal"}],"lostReason":"ineligibleOnChain"}""",
            trace.GetRawText());
    }

    [Fact]
    public async Task A_member_who_joined_after_opening_is_not_eligible()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.AddMembers(cooperative, "late");

        var trace = await Api.Trace(cooperative, proposal, "late");

        Assert.Equal("""{"memberId":"late","counted":false,"carriedBy":null,"choice":null,"chain":[],"lostReason":"notEligible"}""", trace.GetRawText());
    }

    [Fact]
    public async Task A_member_who_left_before_opening_is_not_eligible()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "gone"]);
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "gone")));
        var proposal = await Api.OpenProposal(cooperative);

        var trace = await Api.Trace(cooperative, proposal, "gone");

        Assert.Equal("""{"memberId":"gone","counted":false,"carriedBy":null,"choice":null,"chain":[],"lostReason":"notEligible"}""", trace.GetRawText());
    }

    [Fact]
    public async Task The_trace_of_someone_who_never_was_a_member_is_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);

        await Expect.Problem(await Api.Get(Routes.Trace(cooperative, proposal, "stranger")), HttpStatusCode.NotFound, "member-not-found");
    }

    [Fact]
    public async Task A_trace_before_opening_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative);

        await Expect.Problem(await Api.Get(Routes.Trace(cooperative, proposal, "ann")), HttpStatusCode.Conflict, "voting-not-open");
    }

    [Fact]
    public async Task The_trace_on_an_unknown_proposal_is_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.Trace(cooperative, "nope", "ann")), HttpStatusCode.NotFound, "proposal-not-found");
    }
}
