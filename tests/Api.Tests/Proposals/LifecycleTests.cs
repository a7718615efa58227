namespace Governance.Api.Tests.Proposals;

[Collection(ApiCollection.Name)]
public sealed class LifecycleTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Open_starts_voting()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative);
        var before = DateTimeOffset.UtcNow;

        var opened = await Expect.Ok(await Api.Post(Routes.Open(cooperative, proposal)));

        Expect.Fields(opened, CreateProposalTests.ViewFields);
        Assert.Equal("voting", opened.GetProperty("status").GetString());
        Assert.InRange(Expect.Instant(opened, "openedAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("closedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("outcome").ValueKind);
        Assert.Equal(opened.GetRawText(), (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetRawText());
    }

    [Fact]
    public async Task Close_ends_voting_with_the_outcome()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        var before = DateTimeOffset.UtcNow;

        var closed = await Expect.Ok(await Api.Post(Routes.Close(cooperative, proposal)));

        Expect.Fields(closed, CreateProposalTests.ViewFields);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.InRange(Expect.Instant(closed, "closedAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("accepted", closed.GetProperty("outcome").GetString());
        Assert.Equal(closed.GetRawText(), (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetRawText());
    }

    [Fact]
    public async Task Opening_twice_is_a_409_and_keeps_the_first_opening()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        var before = await Api.Observe(Routes.Proposal(cooperative, proposal), Routes.Tally(cooperative, proposal));

        await Expect.Problem(await Api.Post(Routes.Open(cooperative, proposal)), HttpStatusCode.Conflict, "not-in-discussion");

        Assert.Equal(before, await Api.Observe(Routes.Proposal(cooperative, proposal), Routes.Tally(cooperative, proposal)));
    }

    [Fact]
    public async Task Opening_a_closed_proposal_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Close(cooperative, proposal);
        var before = await Api.Observe(Routes.Proposal(cooperative, proposal));

        await Expect.Problem(await Api.Post(Routes.Open(cooperative, proposal)), HttpStatusCode.Conflict, "not-in-discussion");

        Assert.Equal(before, await Api.Observe(Routes.Proposal(cooperative, proposal)));
    }

    [Fact]
    public async Task Closing_a_proposal_in_discussion_is_a_409_and_leaves_it_in_discussion()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative);
        var before = await Api.Observe(Routes.Proposal(cooperative, proposal), Routes.Proposals(cooperative));

        await Expect.Problem(await Api.Post(Routes.Close(cooperative, proposal)), HttpStatusCode.Conflict, "not-voting");

        Assert.Equal(before, await Api.Observe(Routes.Proposal(cooperative, proposal), Routes.Proposals(cooperative)));
        await Api.Open(cooperative, proposal);
    }

    [Fact]
    public async Task Closing_twice_is_a_409_and_keeps_the_first_result()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "no");
        await Api.Close(cooperative, proposal);
        var before = await Api.Observe(Routes.Proposal(cooperative, proposal), Routes.Tally(cooperative, proposal));

        await Expect.Problem(await Api.Post(Routes.Close(cooperative, proposal)), HttpStatusCode.Conflict, "not-voting");

        Assert.Equal(before, await Api.Observe(Routes.Proposal(cooperative, proposal), Routes.Tally(cooperative, proposal)));
    }

    [Fact]
    public async Task An_unknown_proposal_is_a_404_to_get_open_and_close()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.Proposal(cooperative, "nope")), HttpStatusCode.NotFound, "proposal-not-found");
        await Expect.Problem(await Api.Post(Routes.Open(cooperative, "nope")), HttpStatusCode.NotFound, "proposal-not-found");
        await Expect.Problem(await Api.Post(Routes.Close(cooperative, "nope")), HttpStatusCode.NotFound, "proposal-not-found");
        Assert.Empty((await Api.GetJson(Routes.Proposals(cooperative))).GetProperty("items").EnumerateArray());
    }
}
