namespace Governance.Api.Tests.Delegations;

[Collection(ApiCollection.Name)]
public sealed class TopicDelegationTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Put_sets_the_topic_delegate_beside_the_default()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"], topics: ["budget", "hiring"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");

        var delegations = await Expect.Ok(await Api.Put(Routes.TopicDelegation(cooperative, "cat", "hiring"), new { delegateId = "ben" }));

        Assert.Equal(
            """{"memberId":"cat","default":{"delegateId":"ann"},"topics":{"hiring":{"delegateId":"ben"}}}""",
            delegations.GetRawText());
        Assert.Equal(delegations.GetRawText(), (await Api.GetJson(Routes.Delegations(cooperative, "cat"))).GetRawText());
    }

    [Fact]
    public async Task Put_is_idempotent_and_topics_are_listed_in_order()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["hiring", "budget"]);
        await Api.DelegateOnTopic(cooperative, "ben", "hiring", "ann");
        var first = await Api.DelegateOnTopic(cooperative, "ben", "budget", null);

        var second = await Api.DelegateOnTopic(cooperative, "ben", "budget", null);

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(
            """{"memberId":"ben","default":null,"topics":{"budget":{"delegateId":null},"hiring":{"delegateId":"ann"}}}""",
            second.GetRawText());
    }

    [Fact]
    public async Task Delete_returns_204_and_removes_only_that_topic()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["budget", "hiring"]);
        await Api.DelegateOnTopic(cooperative, "ben", "budget", "ann");
        await Api.DelegateOnTopic(cooperative, "ben", "hiring", "ann");

        await Expect.NoContent(await Api.Delete(Routes.TopicDelegation(cooperative, "ben", "budget")));

        Assert.Equal(
            """{"memberId":"ben","default":null,"topics":{"hiring":{"delegateId":"ann"}}}""",
            (await Api.GetJson(Routes.Delegations(cooperative, "ben"))).GetRawText());
    }
}
