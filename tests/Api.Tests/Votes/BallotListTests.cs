namespace Governance.Api.Tests.Votes;

[Collection(ApiCollection.Name)]
public sealed class BallotListTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_list_shows_every_direct_ballot_by_member_id_and_no_delegated_weight()
    {
        var cooperative = await Api.CreateCooperative(members: ["eve", "ann", "dan", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        var proposal = await Api.OpenProposal(cooperative);
        var eve = await Api.Vote(cooperative, proposal, "eve", "no");
        var ann = await Api.Vote(cooperative, proposal, "ann", "yes");
        var ben = await Api.Vote(cooperative, proposal, "ben", "abstain");

        var page = await Api.GetJson(Routes.Votes(cooperative, proposal));

        Expect.Fields(page, "items", "nextCursor");
        Assert.Equal($"[{ann.GetRawText()},{ben.GetRawText()},{eve.GetRawText()}]", page.GetProperty("items").GetRawText());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 3)]
    [InlineData(4, 2)]
    [InlineData(5, 1)]
    public async Task Paging_returns_every_ballot_exactly_once(int limit, int pages)
    {
        var members = new[] { "m1", "m2", "m3", "m4", "m5" };
        var cooperative = await Api.CreateCooperative(members: members);
        var proposal = await Api.OpenProposal(cooperative);
        foreach (var member in members)
        {
            await Api.Vote(cooperative, proposal, member, "yes");
        }

        var (items, taken) = await Api.ReadAllPages(Routes.Votes(cooperative, proposal), limit);

        Assert.Equal(members, items.Select(item => item.GetProperty("memberId").GetString()));
        Assert.Equal(pages, taken);
    }

    [Fact]
    public async Task A_proposal_in_discussion_has_no_ballots()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative);

        Assert.Equal("""{"items":[],"nextCursor":null}""", (await Api.GetJson(Routes.Votes(cooperative, proposal))).GetRawText());
    }

    [Fact]
    public async Task The_ballots_of_an_unknown_proposal_are_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.Votes(cooperative, "nope")), HttpStatusCode.NotFound, "proposal-not-found");
    }
}
