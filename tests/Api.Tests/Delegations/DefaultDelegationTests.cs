namespace Governance.Api.Tests.Delegations;

[Collection(ApiCollection.Name)]
public sealed class DefaultDelegationTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Put_sets_the_default_delegate_and_returns_the_members_delegations()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);

        var delegations = await Expect.Ok(await Api.Put(Routes.DefaultDelegation(cooperative, "ben"), new { delegateId = "ann" }));

        Assert.Equal("""{"memberId":"ben","default":{"delegateId":"ann"},"topics":{}}""", delegations.GetRawText());
        Assert.Equal(delegations.GetRawText(), (await Api.GetJson(Routes.Delegations(cooperative, "ben"))).GetRawText());
    }

    [Fact]
    public async Task Put_is_idempotent()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var first = await Api.DelegateByDefault(cooperative, "ben", "ann");

        var second = await Api.DelegateByDefault(cooperative, "ben", "ann");

        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    [Fact]
    public async Task Put_replaces_the_previous_delegate()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");

        var delegations = await Api.DelegateByDefault(cooperative, "cat", "ben");

        Assert.Equal("ben", delegations.GetProperty("default").GetProperty("delegateId").GetString());
    }

    [Fact]
    public async Task A_null_delegate_is_recorded_as_an_explicit_no_delegation()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");

        var delegations = await Api.DelegateByDefault(cooperative, "ben", null);

        Assert.Equal("""{"memberId":"ben","default":{"delegateId":null},"topics":{}}""", delegations.GetRawText());
    }

    [Fact]
    public async Task Delete_returns_204_and_removes_the_entry()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");

        await Expect.NoContent(await Api.Delete(Routes.DefaultDelegation(cooperative, "ben")));

        Assert.Equal("""{"memberId":"ben","default":null,"topics":{}}""", (await Api.GetJson(Routes.Delegations(cooperative, "ben"))).GetRawText());
    }

    [Fact]
    public async Task Delete_without_an_entry_is_still_204()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);

        await Expect.NoContent(await Api.Delete(Routes.DefaultDelegation(cooperative, "ben")));
        await Expect.NoContent(await Api.Delete(Routes.DefaultDelegation(cooperative, "ben")));
    }

    [Fact]
    public async Task A_member_without_delegations_has_an_empty_view()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var delegations = await Api.GetJson(Routes.Delegations(cooperative, "ann"));

        Assert.Equal("""{"memberId":"ann","default":null,"topics":{}}""", delegations.GetRawText());
    }
}
