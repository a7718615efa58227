namespace Governance.Api.Tests.Cooperatives;

[Collection(ApiCollection.Name)]
public sealed class TopicTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Put_adds_the_topic_and_returns_the_cooperative()
    {
        var id = await Api.CreateCooperative(topics: ["budget"]);

        var cooperative = await Expect.Ok(await Api.Put(Routes.Topic(id, "hiring")));

        Expect.Fields(cooperative, CreateCooperativeTests.ViewFields);
        Assert.Equal(["budget", "hiring"], Expect.Strings(cooperative.GetProperty("topics")));
        Assert.Equal(["budget", "hiring"], Expect.Strings((await Api.GetJson(Routes.Cooperative(id))).GetProperty("topics")));
    }

    [Fact]
    public async Task Put_is_idempotent()
    {
        var id = await Api.CreateCooperative(topics: ["budget"]);
        var first = await Expect.Ok(await Api.Put(Routes.Topic(id, "hiring")));

        var second = await Expect.Ok(await Api.Put(Routes.Topic(id, "hiring")));

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(["budget", "hiring"], Expect.Strings(second.GetProperty("topics")));
    }

    [Fact]
    public async Task A_new_topic_can_take_delegations_and_proposals()
    {
        var id = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Expect.Problem(await Api.Put(Routes.TopicDelegation(id, "ben", "hiring"), new { delegateId = "ann" }), HttpStatusCode.BadRequest, "unknown-topic", "topic");

        await Expect.Ok(await Api.Put(Routes.Topic(id, "hiring")));

        await Api.DelegateOnTopic(id, "ben", "hiring", "ann");
        var proposal = await Api.CreateProposal(id, topic: "hiring");
        Assert.Equal("hiring", (await Api.GetJson(Routes.Proposal(id, proposal))).GetProperty("topic").GetString());
    }

    [Fact]
    public async Task A_topic_for_an_unknown_cooperative_is_a_404()
    {
        await Expect.Problem(await Api.Put(Routes.Topic(Ids.New("nowhere"), "hiring")), HttpStatusCode.NotFound, "cooperative-not-found");
    }
}
