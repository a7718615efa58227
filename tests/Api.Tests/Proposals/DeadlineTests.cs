namespace Governance.Api.Tests.Proposals;

/// <summary>
/// Deadlines, on a silo of their own whose clock the tests move forward. Moving the clock moves only what "now" reads:
/// the grain's deadline timer still waits in real time, so a test can stand after the deadline before the close runs.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class DeadlineTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_ballot_after_closesAt_is_a_409_even_before_the_close_has_run()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative, closesAt: Factory.Clock.GetUtcNow().AddHours(1));
        await Api.Vote(cooperative, proposal, "ann", "yes");

        Factory.Clock.Advance(TimeSpan.FromHours(2));
        var before = await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal));

        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "ben"), new { choice = "no" }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "ann"), new { choice = "no" }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Delete(Routes.Vote(cooperative, proposal, "ann")), HttpStatusCode.Conflict, "voting-not-open");

        Assert.Equal("voting", (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetProperty("status").GetString());
        Assert.Equal(before, await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 3, 1, (1, 0, 0), true, null);
    }

    [Fact]
    public async Task Delegations_after_closesAt_are_a_409_even_before_the_close_has_run()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative, closesAt: Factory.Clock.GetUtcNow().AddHours(1));
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.DelegateOnProposal(cooperative, proposal, "cat", "ann");

        Factory.Clock.Advance(TimeSpan.FromHours(2));
        var before = await Api.Observe(Routes.Tally(cooperative, proposal), Routes.Trace(cooperative, proposal, "cat"));

        await Expect.Problem(await Api.Put(Routes.ProposalDelegation(cooperative, proposal, "ben"), new { delegateId = "ann" }), HttpStatusCode.Conflict, "proposal-closed");
        await Expect.Problem(await Api.Delete(Routes.ProposalDelegation(cooperative, proposal, "cat")), HttpStatusCode.Conflict, "proposal-closed");

        Assert.Equal(before, await Api.Observe(Routes.Tally(cooperative, proposal), Routes.Trace(cooperative, proposal, "cat")));
    }

    [Fact]
    public async Task Closing_after_the_deadline_counts_only_what_came_before_it()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative, closesAt: Factory.Clock.GetUtcNow().AddHours(1));
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "cat"), new { choice = "no" }), HttpStatusCode.Conflict, "voting-not-open");

        var closed = await Api.Close(cooperative, proposal);

        Assert.Equal("rejected", closed.GetProperty("outcome").GetString());
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 3, 2, (1, 1, 0), true, "rejected");
    }

    [Fact]
    public async Task Opening_after_the_deadline_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative, closesAt: Factory.Clock.GetUtcNow().AddHours(1));
        Factory.Clock.Advance(TimeSpan.FromHours(2));

        await Expect.Problem(await Api.Post(Routes.Open(cooperative, proposal)), HttpStatusCode.Conflict, "deadline-passed");

        Assert.Equal("discussion", (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_deadline_in_the_past_is_a_400()
    {
        var cooperative = await Api.CreateCooperative();

        var response = await Api.Post(Routes.Proposals(cooperative), new { title = "Too late", closesAt = Factory.Clock.GetUtcNow().AddMinutes(-1) });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-closes-at", "closesAt");
        Assert.Empty((await Api.GetJson(Routes.Proposals(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_proposal_closes_by_itself_at_the_deadline()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative, closesAt: Factory.Clock.GetUtcNow().AddSeconds(2));
        await Api.Vote(cooperative, proposal, "ann", "yes");

        var status = "voting";
        for (var waited = TimeSpan.Zero; status == "voting" && waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(200))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            status = (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetProperty("status").GetString();
        }

        Assert.Equal("closed", status);
        Assert.Equal(JsonValueKind.Null, (await Api.GetJson(Routes.Proposal(cooperative, proposal))).GetProperty("closedBy").ValueKind);
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 2, 1, (1, 0, 0), true, "accepted");
        Assert.Equal(["closed"], Expect.IdsOf((await Api.GetJson(Routes.Proposals(cooperative))).GetProperty("items"), "status"));
    }
}
