namespace Governance.Api.Tests.Members;

[Collection(ApiCollection.Name)]
public sealed class RemoveMemberTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Delete_returns_204_and_the_member_is_gone()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);

        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));

        await Expect.Problem(await Api.Get(Routes.Member(cooperative, "ben")), HttpStatusCode.NotFound, "member-not-found");
        Assert.Equal(1, (await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
        Assert.Equal(["ann"], Expect.IdsOf((await Api.GetJson(Routes.Members(cooperative))).GetProperty("items")));
    }

    [Fact]
    public async Task Removing_a_member_twice_is_a_404_the_second_time()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));

        await Expect.Problem(await Api.Delete(Routes.Member(cooperative, "ben")), HttpStatusCode.NotFound, "member-not-found");
    }

    [Fact]
    public async Task Removing_from_an_unknown_cooperative_is_a_404()
    {
        await Expect.Problem(await Api.Delete(Routes.Member(Ids.New("nowhere"), "ann")), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Fact]
    public async Task A_removed_member_can_no_longer_be_a_delegate()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "cat")));

        var response = await Api.Put(Routes.DefaultDelegation(cooperative, "ben"), new { delegateId = "cat" });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "delegate-not-member", "delegateId");
    }

    [Fact]
    public async Task Removal_ends_delegations_to_the_member_so_the_broader_scope_applies()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        await Expect.Ok(await Api.Put(Routes.TopicDelegation(cooperative, "cat", "budget"), new { delegateId = "ben" }));
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "ben")));
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");

        await Api.Vote(cooperative, proposal, "ann", "yes");

        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", eligible: 2, participation: 2, (2, 0, 0), quorumReached: true, outcome: null);
        var delegations = await Api.GetJson(Routes.Delegations(cooperative, "cat"));
        Assert.Empty(delegations.GetProperty("topics").EnumerateObject());
        var trace = await Api.Trace(cooperative, proposal, "cat");
        Assert.Equal("ann", trace.GetProperty("carriedBy").GetString());
    }
}
