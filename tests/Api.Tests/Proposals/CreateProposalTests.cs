namespace Governance.Api.Tests.Proposals;

[Collection(ApiCollection.Name)]
public sealed class CreateProposalTests(ApiFactory factory) : ApiTest(factory)
{
    public static readonly string[] ViewFields =
        ["id", "cooperativeId", "title", "body", "topic", "status", "createdAt", "openedAt", "closesAt", "closedAt", "quorum", "threshold", "outcome",
            "createdBy", "openedBy", "closedBy"];

    [Fact]
    public async Task Create_returns_201_with_location_and_the_proposal_in_discussion()
    {
        var cooperative = await Api.CreateCooperative(topics: ["budget"]);
        var id = Ids.New("prop");
        var closesAt = DateTimeOffset.UtcNow.AddDays(7);
        var before = DateTimeOffset.UtcNow;

        var response = await Api.Post(Routes.Proposals(cooperative), new { id, title = "New oven", body = "We need one.", topic = "budget", closesAt, quorum = 0.3, threshold = 0.6 });

        var proposal = await Expect.Created(response, $"/v1/cooperatives/{cooperative}/proposals/{id}");
        Expect.Fields(proposal, ViewFields);
        Assert.Equal(id, proposal.GetProperty("id").GetString());
        Assert.Equal(cooperative, proposal.GetProperty("cooperativeId").GetString());
        Assert.Equal("New oven", proposal.GetProperty("title").GetString());
        Assert.Equal("We need one.", proposal.GetProperty("body").GetString());
        Assert.Equal("budget", proposal.GetProperty("topic").GetString());
        Assert.Equal("discussion", proposal.GetProperty("status").GetString());
        Assert.InRange(Expect.Instant(proposal, "createdAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(closesAt, Expect.Instant(proposal, "closesAt"));
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("openedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("closedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("outcome").ValueKind);
        Assert.Equal(0.3, proposal.GetProperty("quorum").GetDouble());
        Assert.Equal(0.6, proposal.GetProperty("threshold").GetDouble());
        Assert.Equal(Api.FounderOf(cooperative), proposal.GetProperty("createdBy").GetString());
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("openedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("closedBy").ValueKind);
        Assert.Equal(proposal.GetRawText(), (await Api.GetJson(response.Headers.Location!.OriginalString)).GetRawText());
    }

    [Fact]
    public async Task The_proposal_names_the_member_who_created_it_and_the_admins_who_opened_and_closed_it()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Expect.Ok(await Api.As("ann").Put(Routes.Role(cooperative, "ben"), new { role = "admin" }));
        var id = Ids.New("prop");

        await Expect.Created(await Api.As("cat").Post(Routes.Proposals(cooperative), new { id, title = "Paint the hall" }), Routes.Proposal(cooperative, id));
        await Expect.Ok(await Api.As("ann").Post(Routes.Open(cooperative, id)));
        var closed = await Expect.Ok(await Api.As("ben").Post(Routes.Close(cooperative, id)));

        Assert.Equal(
            ("cat", "ann", "ben"),
            (closed.GetProperty("createdBy").GetString(), closed.GetProperty("openedBy").GetString(), closed.GetProperty("closedBy").GetString()));
    }

    [Fact]
    public async Task Only_a_title_is_required_and_the_rule_comes_from_the_cooperative()
    {
        var cooperative = await Api.CreateCooperative(quorum: 0.4, threshold: 0.66);
        var id = Ids.New("prop");

        var proposal = await Expect.Created(await Api.Post(Routes.Proposals(cooperative), new { id, title = "Paint the door" }), Routes.Proposal(cooperative, id));

        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("body").ValueKind);
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("topic").ValueKind);
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("closesAt").ValueKind);
        Assert.Equal(0.4, proposal.GetProperty("quorum").GetDouble());
        Assert.Equal(0.66, proposal.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task The_proposal_may_override_either_part_of_the_rule()
    {
        var cooperative = await Api.CreateCooperative(quorum: 0.4, threshold: 0.66);

        var quorumOnly = await Api.GetJson(Routes.Proposal(cooperative, await Api.CreateProposal(cooperative, quorum: 0.1)));
        var thresholdOnly = await Api.GetJson(Routes.Proposal(cooperative, await Api.CreateProposal(cooperative, threshold: 0.5)));

        Assert.Equal((0.1, 0.66), (quorumOnly.GetProperty("quorum").GetDouble(), quorumOnly.GetProperty("threshold").GetDouble()));
        Assert.Equal((0.4, 0.5), (thresholdOnly.GetProperty("quorum").GetDouble(), thresholdOnly.GetProperty("threshold").GetDouble()));
    }

    [Fact]
    public async Task A_left_out_id_is_generated_and_named_in_the_location()
    {
        var cooperative = await Api.CreateCooperative();

        var response = await Api.Post(Routes.Proposals(cooperative), new { title = "Paint the door" });

        var proposal = await Expect.Status(response, HttpStatusCode.Created);
        var id = proposal.GetProperty("id").GetString()!;
        Assert.Matches("^[A-Za-z0-9._-]{1,64}$", id);
        Assert.Equal(Routes.Proposal(cooperative, id), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_duplicate_id_is_a_409_and_keeps_the_first_proposal()
    {
        var cooperative = await Api.CreateCooperative();
        var id = await Api.CreateProposal(cooperative);
        var before = await Api.Observe(Routes.Proposal(cooperative, id), Routes.Proposals(cooperative));

        var response = await Api.Post(Routes.Proposals(cooperative), new { id, title = "Something else" });

        await Expect.Problem(response, HttpStatusCode.Conflict, "proposal-exists");
        Assert.Equal(before, await Api.Observe(Routes.Proposal(cooperative, id), Routes.Proposals(cooperative)));
    }

    [Fact]
    public async Task The_same_proposal_id_may_be_used_in_another_cooperative()
    {
        var first = await Api.CreateCooperative();
        var second = await Api.CreateCooperative();
        var id = await Api.CreateProposal(first);

        await Expect.Created(await Api.Post(Routes.Proposals(second), new { id, title = "Same id, other cooperative" }), Routes.Proposal(second, id));

        Assert.Equal(first, (await Api.GetJson(Routes.Proposal(first, id))).GetProperty("cooperativeId").GetString());
        Assert.Equal(second, (await Api.GetJson(Routes.Proposal(second, id))).GetProperty("cooperativeId").GetString());
    }

    public static TheoryData<string, string, string> InvalidDrafts => new()
    {
        { """{"id":"ID","title":"T","topic":"hiring"}""", "unknown-topic", "topic" },
        { """{"id":"ID","title":"   "}""", "invalid-title", "title" },
        { """{"id":"ID","title":"T","quorum":1.5}""", "invalid-quorum", "quorum" },
        { """{"id":"ID","title":"T","threshold":1}""", "invalid-threshold", "threshold" },
        { """{"id":"ID","title":"T","closesAt":"2001-01-01T00:00:00Z"}""", "invalid-closes-at", "closesAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidDrafts))]
    public async Task An_invalid_draft_is_a_400_and_creates_nothing(string body, string code, string field)
    {
        var cooperative = await Api.CreateCooperative(topics: ["budget"]);
        var id = Ids.New("prop");

        var response = await Api.SendRaw(HttpMethod.Post, Routes.Proposals(cooperative), body.Replace("ID", id));

        await Expect.Problem(response, HttpStatusCode.BadRequest, code, field);
        await Expect.Problem(await Api.Get(Routes.Proposal(cooperative, id)), HttpStatusCode.NotFound, "proposal-not-found");
        Assert.Empty((await Api.GetJson(Routes.Proposals(cooperative))).GetProperty("items").EnumerateArray());
        await Expect.Created(await Api.Post(Routes.Proposals(cooperative), new { id, title = "Valid now" }), Routes.Proposal(cooperative, id));
    }

    [Fact]
    public async Task A_proposal_in_an_unknown_cooperative_is_a_404()
    {
        var response = await Api.Post(Routes.Proposals(Ids.New("nowhere")), new { id = "p1", title = "T" });

        await Expect.Problem(response, HttpStatusCode.NotFound, "cooperative-not-found");
    }
}
