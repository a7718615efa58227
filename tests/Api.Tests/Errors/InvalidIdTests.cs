namespace Governance.Api.Tests.Errors;

/// <summary>Ids are 1-64 letters, digits, '-', '_' or '.'; anything else, in the path or in a body, is a 400 and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class InvalidIdTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string TooLong = new('a', 65);

    /// <summary>Ids as they appear in a path, already escaped.</summary>
    public static TheoryData<string> InvalidPathIds => new() { "a%20b", "a%2Fb", "a*b", "a:b", "%C3%BCber", TooLong };

    /// <summary>Ids as they appear in a JSON body.</summary>
    public static TheoryData<string> InvalidBodyIds => new() { "", "   ", "a b", "a/b", "a*b", "über", TooLong };

    [Theory]
    [MemberData(nameof(InvalidPathIds))]
    public async Task An_invalid_cooperative_id_in_the_path_is_a_400(string id)
    {
        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.BadRequest, "invalid-id", "cooperativeId");
        await Expect.Problem(await Api.Get(Routes.Members(id)), HttpStatusCode.BadRequest, "invalid-id", "cooperativeId");
        await Expect.Problem(await Api.Post(Routes.Members(id), new { id = "ann" }), HttpStatusCode.BadRequest, "invalid-id", "cooperativeId");
        await Expect.Problem(await Api.Post(Routes.Proposals(id), new { title = "T" }), HttpStatusCode.BadRequest, "invalid-id", "cooperativeId");
    }

    [Theory]
    [MemberData(nameof(InvalidPathIds))]
    public async Task An_invalid_member_id_in_the_path_is_a_400_and_changes_nothing(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative), Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal));

        await Expect.Problem(await Api.Get(Routes.Member(cooperative, id)), HttpStatusCode.BadRequest, "invalid-id", "memberId");
        await Expect.Problem(await Api.Delete(Routes.Member(cooperative, id)), HttpStatusCode.BadRequest, "invalid-id", "memberId");
        await Expect.Problem(await Api.Put(Routes.DefaultDelegation(cooperative, id), new { delegateId = "ann" }), HttpStatusCode.BadRequest, "invalid-id", "memberId");
        await Expect.Problem(await Api.Put(Routes.Vote(cooperative, proposal, id), new { choice = "yes" }), HttpStatusCode.BadRequest, "invalid-id", "memberId");
        await Expect.Problem(await Api.Get(Routes.Trace(cooperative, proposal, id)), HttpStatusCode.BadRequest, "invalid-id", "memberId");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative), Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)));
    }

    [Theory]
    [MemberData(nameof(InvalidPathIds))]
    public async Task An_invalid_proposal_id_in_the_path_is_a_400(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.Proposal(cooperative, id)), HttpStatusCode.BadRequest, "invalid-id", "proposalId");
        await Expect.Problem(await Api.Post(Routes.Open(cooperative, id)), HttpStatusCode.BadRequest, "invalid-id", "proposalId");
        await Expect.Problem(await Api.Get(Routes.Tally(cooperative, id)), HttpStatusCode.BadRequest, "invalid-id", "proposalId");
        await Expect.Problem(await Api.Put(Routes.ProposalDelegation(cooperative, id, "ann"), new { delegateId = (string?)null }), HttpStatusCode.BadRequest, "invalid-id", "proposalId");
    }

    [Theory]
    [MemberData(nameof(InvalidPathIds))]
    public async Task An_invalid_topic_in_the_path_is_a_400_and_changes_nothing(string topic)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["budget"]);
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Delegations(cooperative, "ben"));

        await Expect.Problem(await Api.Put(Routes.Topic(cooperative, topic)), HttpStatusCode.BadRequest, "invalid-id", "topic");
        await Expect.Problem(await Api.Put(Routes.TopicDelegation(cooperative, "ben", topic), new { delegateId = "ann" }), HttpStatusCode.BadRequest, "invalid-id", "topic");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Delegations(cooperative, "ben")));
    }

    [Fact]
    public async Task Several_invalid_path_ids_are_all_named()
    {
        var response = await Api.Get(Routes.Trace("a b", "c d", "e f"));

        var problem = await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-id");
        Assert.Equal(["cooperativeId", "memberId", "proposalId"], problem.GetProperty("errors").EnumerateObject().Select(entry => entry.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InvalidBodyIds))]
    public async Task An_invalid_cooperative_id_in_the_body_is_a_400_and_creates_nothing(string id)
    {
        var response = await Api.Post(Routes.Cooperatives, new { id, name = "Coop" });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-id", "id");
    }

    [Theory]
    [MemberData(nameof(InvalidBodyIds))]
    public async Task An_invalid_member_id_in_the_body_is_a_400_and_adds_nobody(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative));

        await Expect.Problem(await Api.Post(Routes.Members(cooperative), new { id }), HttpStatusCode.BadRequest, "invalid-id", "id");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative)));
    }

    [Theory]
    [MemberData(nameof(InvalidBodyIds))]
    public async Task An_invalid_proposal_id_in_the_body_is_a_400_and_creates_nothing(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Post(Routes.Proposals(cooperative), new { id, title = "T" }), HttpStatusCode.BadRequest, "invalid-id", "id");

        Assert.Equal("""{"items":[],"nextCursor":null}""", (await Api.GetJson(Routes.Proposals(cooperative))).GetRawText());
    }

    [Theory]
    [MemberData(nameof(InvalidBodyIds))]
    public async Task An_invalid_topic_in_a_new_cooperative_is_a_400(string topic)
    {
        var id = Ids.New("coop");

        await Expect.Problem(await Api.Post(Routes.Cooperatives, new { id, name = "Coop", topics = new[] { "budget", topic } }), HttpStatusCode.BadRequest, "invalid-id", "topics");

        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Theory]
    [MemberData(nameof(InvalidBodyIds))]
    public async Task An_invalid_delegate_id_is_a_400_and_changes_nothing(string delegateId)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        var before = await Api.Observe(Routes.Delegations(cooperative, "ben"));

        await Expect.Problem(await Api.Put(Routes.DefaultDelegation(cooperative, "ben"), new { delegateId }), HttpStatusCode.BadRequest, field: "delegateId");

        Assert.Equal(before, await Api.Observe(Routes.Delegations(cooperative, "ben")));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("A-b_c.9")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task Ids_of_allowed_characters_up_to_64_long_are_accepted(string memberId)
    {
        var cooperative = await Api.CreateCooperative();

        await Api.AddMembers(cooperative, memberId);

        Assert.Equal(memberId, (await Api.GetJson(Routes.Member(cooperative, memberId))).GetProperty("id").GetString());
    }
}
