namespace Governance.Api.Tests.Cooperatives;

[Collection(ApiCollection.Name)]
public sealed class GetCooperativeTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Get_returns_the_settings_and_the_current_member_count()
    {
        var id = await Api.CreateCooperative(members: ["ann", "ben", "cat"], topics: ["budget"], quorum: 0.5, threshold: 0.66);
        await Expect.NoContent(await Api.Delete(Routes.Member(id, "cat")));

        var cooperative = await Api.GetJson(Routes.Cooperative(id));

        Expect.Fields(cooperative, CreateCooperativeTests.ViewFields);
        Assert.Equal(id, cooperative.GetProperty("id").GetString());
        Assert.Equal("Test cooperative", cooperative.GetProperty("name").GetString());
        Assert.Equal(["budget"], Expect.Strings(cooperative.GetProperty("topics")));
        Assert.Equal(0.5, cooperative.GetProperty("quorum").GetDouble());
        Assert.Equal(0.66, cooperative.GetProperty("threshold").GetDouble());
        Assert.Equal(2, cooperative.GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task An_unknown_cooperative_is_a_404()
    {
        await Expect.Problem(await Api.Get(Routes.Cooperative(Ids.New("nowhere"))), HttpStatusCode.NotFound, "cooperative-not-found");
    }
}
