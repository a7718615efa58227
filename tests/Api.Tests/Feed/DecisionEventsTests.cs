namespace Governance.Api.Tests.Feed;

/// <summary>A decision's own events: its log as CloudEvents, paged, the same events with the same ids as in the feed.</summary>
[Collection(ClockCollection.Name)]
public sealed class DecisionEventsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_proposals_events_are_its_log_in_order_as_the_feed_has_them()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");
        await Api.Withdraw(cooperative, proposal, "ben");
        await Api.DelegateOnProposal(cooperative, proposal, "cat", "ann");
        await Api.Close(cooperative, proposal);

        var (events, _) = await FeedReading.ReadAllAt(Api, Routes.Proposal(cooperative, proposal) + "/events", limit: 2);

        Assert.Equal(
            ["proposal.created", "proposal.opened", "ballot.cast", "ballot.cast", "ballot.withdrawn", "delegation.set", "proposal.closed"],
            events.Select(item => item.GetProperty("type").GetString()));
        Assert.All(events, item => Assert.Equal($"/v1/cooperatives/{cooperative}/proposals/{proposal}", item.GetProperty("source").GetString()));
        var feed = await FeedReading.WaitForCount(Api, cooperative, 3 + events.Count);
        var fromFeed = feed.ToDictionary(item => item.GetProperty("id").GetString()!, item => item.ToString());
        Assert.All(events, item => Assert.Equal(fromFeed[item.GetProperty("id").GetString()!], item.ToString()));
    }

    [Fact]
    public async Task A_polls_events_list_its_ballots_and_the_cursor_at_the_end_reads_on_later()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var poll = await Api.OpenPoll(cooperative);
        await Api.Rank(cooperative, poll, "ann", "a|b|c");
        var path = PriorityRoutes.Poll(cooperative, poll) + "/events";
        var (before, end) = await FeedReading.ReadAllAt(Api, path, limit: 2);

        await Api.Rank(cooperative, poll, "ben", "c|b|a");
        var later = await Api.GetJson(Routes.WithQuery(path, ("after", end)));

        Assert.Equal(["poll.created", "poll.opened", "ballot.cast"], before.Select(item => item.GetProperty("type").GetString()));
        var cast = Assert.Single(later.GetProperty("items").EnumerateArray());
        Assert.Equal(("ballot.cast", "ben"), (cast.GetProperty("type").GetString(), cast.GetProperty("data").GetProperty("memberId").GetString()));
    }

    [Fact]
    public async Task An_unknown_decision_is_a_404_and_a_cursor_that_is_no_version_a_400()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);

        await Expect.Problem(await Api.Get(Routes.Proposal(cooperative, "nope") + "/events"), HttpStatusCode.NotFound, "proposal-not-found");
        await Expect.Problem(await Api.Get(Routes.WithQuery(Routes.Proposal(cooperative, proposal) + "/events", ("after", "abc"))), HttpStatusCode.BadRequest, "invalid-cursor", "after");
    }
}
