namespace Governance.Api.Tests.Votes;

[Collection(ApiCollection.Name)]
public sealed class CastVoteTests(ApiFactory factory) : ApiTest(factory)
{
    public static readonly string[] BallotFields = ["memberId", "choice", "castAt"];

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("abstain")]
    public async Task Put_casts_the_ballot_and_returns_it(string choice)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        var before = DateTimeOffset.UtcNow;

        var ballot = await Expect.Ok(await Api.Put(Routes.Vote(cooperative, proposal, "ann"), new { choice }));

        Expect.Fields(ballot, BallotFields);
        Assert.Equal("ann", ballot.GetProperty("memberId").GetString());
        Assert.Equal(choice, ballot.GetProperty("choice").GetString());
        Assert.InRange(Expect.Instant(ballot, "castAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal($"[{ballot.GetRawText()}]", (await Api.GetJson(Routes.Votes(cooperative, proposal))).GetProperty("items").GetRawText());
    }

    [Fact]
    public async Task Put_is_idempotent_and_keeps_the_first_cast_time()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        var first = await Api.Vote(cooperative, proposal, "ann", "yes");

        var second = await Api.Vote(cooperative, proposal, "ann", "yes");

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 1, (1, 0, 0), true, null);
    }

    [Fact]
    public async Task Put_with_another_choice_replaces_the_ballot()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");

        var changed = await Api.Vote(cooperative, proposal, "ann", "no");

        Assert.Equal("no", changed.GetProperty("choice").GetString());
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 1, (0, 1, 0), true, null);
    }

    [Fact]
    public async Task Delete_withdraws_the_ballot_and_is_idempotent()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Vote(cooperative, proposal, "ben", "no");

        await Expect.NoContent(await Api.Delete(Routes.Vote(cooperative, proposal, "ann")));
        await Expect.NoContent(await Api.Delete(Routes.Vote(cooperative, proposal, "ann")));

        Assert.Equal(["ben"], Expect.IdsOf((await Api.GetJson(Routes.Votes(cooperative, proposal))).GetProperty("items"), "memberId"));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 1, (0, 1, 0), true, null);
    }

    public static TheoryData<string, string, string> BadChoices => new()
    {
        { """{"choice":"maybe"}""", "malformed-request", "choice" },
        { """{"choice":""}""", "malformed-request", "choice" },
        { """{"choice":5}""", "malformed-request", "choice" },
        { """{"choice":null}""", "invalid-choice", "choice" },
        { """{}""", "invalid-choice", "choice" },
    };

    [Theory]
    [MemberData(nameof(BadChoices))]
    public async Task An_unknown_choice_is_a_400_and_keeps_the_previous_ballot(string body, string code, string field)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        var before = await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal));

        await Expect.Problem(await Api.SendRaw(HttpMethod.Put, Routes.Vote(cooperative, proposal, "ann"), body), HttpStatusCode.BadRequest, code, field);
        await Expect.Problem(await Api.SendRaw(HttpMethod.Put, Routes.Vote(cooperative, proposal, "ben"), body), HttpStatusCode.BadRequest, code, field);

        Assert.Equal(before, await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)));
    }

    [Fact]
    public async Task A_vote_before_opening_is_a_409_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative);
        var before = await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Proposal(cooperative, proposal));

        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "ann"), new { choice = "yes" }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Delete(Routes.Vote(cooperative, proposal, "ann")), HttpStatusCode.Conflict, "voting-not-open");

        Assert.Equal(before, await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Proposal(cooperative, proposal)));
        await Api.Open(cooperative, proposal);
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 1, 0, (0, 0, 0), true, null);
    }

    [Fact]
    public async Task A_vote_by_a_non_member_is_a_404_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        var before = await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal));

        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "stranger"), new { choice = "yes" }), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await Api.Delete(Routes.Vote(cooperative, proposal, "stranger")), HttpStatusCode.NotFound, "cooperative-not-found");

        Assert.Equal(before, await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)));
    }

    [Fact]
    public async Task A_vote_by_a_member_who_joined_after_opening_is_a_409_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.AddMembers(cooperative, "late");
        var before = await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal));

        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "late"), new { choice = "yes" }), HttpStatusCode.Conflict, "not-eligible");

        Assert.Equal(before, await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 1, 0, (0, 0, 0), true, null);
    }

    [Fact]
    public async Task A_member_who_joined_after_opening_votes_on_the_next_proposal()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        await Api.OpenProposal(cooperative);
        await Api.AddMembers(cooperative, "late");
        var next = await Api.OpenProposal(cooperative);

        await Api.Vote(cooperative, next, "late", "yes");

        Expect.Tally(await Api.Tally(cooperative, next), "voting", 2, 1, (1, 0, 0), true, null);
    }

    [Fact]
    public async Task A_vote_or_withdrawal_on_a_closed_proposal_is_a_409_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Close(cooperative, proposal);
        string[] state = [Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal), Routes.Proposal(cooperative, proposal)];
        var before = await Api.Observe(state);

        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "ben"), new { choice = "no" }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, "ann"), new { choice = "no" }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Delete(Routes.Vote(cooperative, proposal, "ann")), HttpStatusCode.Conflict, "voting-not-open");

        Assert.Equal(before, await Api.Observe(state));
        Expect.Tally(await Api.Tally(cooperative, proposal), "closed", 2, 1, (1, 0, 0), true, "accepted");
    }

    [Fact]
    public async Task A_vote_on_an_unknown_proposal_or_cooperative_is_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, "nope", "ann"), new { choice = "yes" }), HttpStatusCode.NotFound, "proposal-not-found");
        await Expect.Problem(await Api.Delete(Routes.Vote(cooperative, "nope", "ann")), HttpStatusCode.NotFound, "proposal-not-found");
        await Expect.Problem(await Api.Put(Routes.Vote(Ids.New("nowhere"), "nope", "ann"), new { choice = "yes" }), HttpStatusCode.NotFound, "cooperative-not-found");
    }
}
