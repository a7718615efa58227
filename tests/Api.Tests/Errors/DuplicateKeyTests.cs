namespace Governance.Api.Tests.Errors;

/// <summary>
/// A JSON object that names one field twice is refused: readers disagree on which value counts (the first, the
/// last, or both), so the value checked could differ from the value used. A 400 names the field, and nothing changes.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DuplicateKeyTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("""{"delegateId":"ben","delegateId":"dan"}""")]
    [InlineData("""{"delegateId":null,"delegateId":"dan"}""")]
    [InlineData("""{"delegateId":"dan","delegateId":"dan"}""")]
    public async Task A_delegation_naming_its_delegate_twice_is_a_400_and_changes_nothing(string body)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "dan"]);
        await Api.DelegateByDefault(cooperative, "ann", "ben");
        var before = await Api.Observe(Routes.Delegations(cooperative, "ann"));

        var response = await Api.SendRaw(HttpMethod.Put, Routes.DefaultDelegation(cooperative, "ann"), body);

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request", "delegateId");
        Assert.Equal(before, await Api.Observe(Routes.Delegations(cooperative, "ann")));
    }

    [Fact]
    public async Task A_vote_with_two_choices_is_a_400_and_keeps_the_ballot()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "no");
        var before = await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal));

        var response = await Api.SendRaw(HttpMethod.Put, Routes.Vote(cooperative, proposal, "ann"), """{"choice":"no","choice":"yes"}""");

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request", "choice");
        Assert.Equal(before, await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)));
    }

    [Fact]
    public async Task A_role_given_twice_is_a_400_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var before = await Api.Observe(Routes.Members(cooperative));

        var response = await Api.SendRaw(HttpMethod.Put, Routes.Role(cooperative, "ben"), """{"role":"member","role":"admin"}""");

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request", "role");
        Assert.Equal(before, await Api.Observe(Routes.Members(cooperative)));
    }

    [Fact]
    public async Task A_new_cooperative_with_two_ids_is_a_400_and_creates_neither()
    {
        string first = Ids.New("coop"), second = Ids.New("coop");

        var response = await Api.SendRaw(HttpMethod.Post, Routes.Cooperatives, $$"""{"id":"{{first}}","name":"Coop","id":"{{second}}"}""");

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request", "id");
        await Expect.Problem(await Api.Get(Routes.Cooperative(first)), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await Api.Get(Routes.Cooperative(second)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Fact]
    public async Task A_poll_item_with_two_titles_is_a_400_naming_it_and_creates_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var body = """{"title":"T","method":"schulze","items":[{"id":"a","title":"A"},{"id":"b","title":"B","title":"C"}]}""";

        var response = await Api.SendRaw(HttpMethod.Post, PriorityRoutes.Polls(cooperative), body);

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request", "items[1].title");
        Assert.Empty((await Api.GetJson(PriorityRoutes.Polls(cooperative))).GetProperty("items").EnumerateArray());
    }
}
