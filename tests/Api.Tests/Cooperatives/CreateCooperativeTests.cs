namespace Governance.Api.Tests.Cooperatives;

[Collection(ApiCollection.Name)]
public sealed class CreateCooperativeTests(ApiFactory factory) : ApiTest(factory)
{
    public static readonly string[] ViewFields = ["id", "name", "topics", "quorum", "threshold", "memberCount", "createdAt", "settings"];

    [Fact]
    public async Task Create_returns_201_with_location_and_the_cooperative()
    {
        var id = Ids.New("coop");
        string[] topics = ["budget", "hiring"];
        var before = DateTimeOffset.UtcNow;

        var response = await Api.As("ann").Post(Routes.Cooperatives, new { id, name = "Bakery", topics, quorum = 0.25, threshold = 0.6 });

        var created = await Expect.Created(response, $"/v1/cooperatives/{id}");
        Expect.Fields(created, ViewFields);
        Assert.Equal(id, created.GetProperty("id").GetString());
        Assert.Equal("Bakery", created.GetProperty("name").GetString());
        Assert.Equal(["budget", "hiring"], Expect.Strings(created.GetProperty("topics")));
        Assert.Equal(0.25, created.GetProperty("quorum").GetDouble());
        Assert.Equal(0.6, created.GetProperty("threshold").GetDouble());
        Assert.Equal(1, created.GetProperty("memberCount").GetInt32());
        Assert.True(created.GetProperty("settings").GetProperty("membersMayCreateProposals").GetBoolean());
        Assert.InRange(Expect.Instant(created, "createdAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(created.GetRawText(), (await Api.GetJson(response.Headers.Location!.OriginalString)).GetRawText());
    }

    [Fact]
    public async Task The_creator_becomes_the_first_member_and_its_admin()
    {
        var id = Ids.New("coop");

        var created = await Expect.Created(await Api.As("ann").Post(Routes.Cooperatives, new { id, name = "Bakery" }), Routes.Cooperative(id));

        var members = (await Api.As("ann").GetJson(Routes.Members(id))).GetProperty("items");
        var founder = Assert.Single(members.EnumerateArray());
        Assert.Equal("ann", founder.GetProperty("id").GetString());
        Assert.Equal("admin", founder.GetProperty("role").GetString());
        Assert.Equal(Expect.Instant(created, "createdAt"), Expect.Instant(founder, "joinedAt"));
    }

    [Fact]
    public async Task Left_out_settings_take_their_defaults()
    {
        var id = Ids.New("coop");

        var created = await Expect.Created(await Api.Post(Routes.Cooperatives, new { id, name = "Bakery" }), Routes.Cooperative(id));

        Assert.Empty(Expect.Strings(created.GetProperty("topics")));
        Assert.Equal(0, created.GetProperty("quorum").GetDouble());
        Assert.Equal(0.5, created.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task A_left_out_id_is_generated_and_named_in_the_location()
    {
        var response = await Api.Post(Routes.Cooperatives, new { name = "Bakery" });

        var created = await Expect.Status(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^[A-Za-z0-9._-]{1,64}$", id);
        Assert.Equal(Routes.Cooperative(id), response.Headers.Location?.OriginalString);
        Assert.Equal(id, (await Api.GetJson(Routes.Cooperative(id))).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_name_is_trimmed_and_repeated_topics_are_kept_once()
    {
        var id = Ids.New("coop");
        string[] topics = ["budget", "budget", "hiring"];

        var created = await Expect.Created(
            await Api.Post(Routes.Cooperatives, new { id, name = "  Bakery  ", topics }),
            Routes.Cooperative(id));

        Assert.Equal("Bakery", created.GetProperty("name").GetString());
        Assert.Equal(["budget", "hiring"], Expect.Strings(created.GetProperty("topics")));
    }

    [Fact]
    public async Task A_duplicate_id_is_a_409_and_leaves_the_first_cooperative_as_it_was()
    {
        var id = Ids.New("coop");
        await Expect.Created(await Api.Post(Routes.Cooperatives, new { id, name = "First", quorum = 0.1 }), Routes.Cooperative(id));
        await Api.AddMembers(id, "ann");
        var before = await Api.Observe(Routes.Cooperative(id), Routes.Members(id));

        var response = await Api.Post(Routes.Cooperatives, new { id, name = "Second", quorum = 0.9 });

        await Expect.Problem(response, HttpStatusCode.Conflict, "cooperative-exists");
        Assert.Equal(before, await Api.Observe(Routes.Cooperative(id), Routes.Members(id)));
    }

    [Theory]
    [InlineData(-0.1, 0.5, "quorum")]
    [InlineData(1.1, 0.5, "quorum")]
    [InlineData(0.5, -0.1, "threshold")]
    [InlineData(0.5, 1.0, "threshold")]
    public async Task A_decision_rule_out_of_range_is_a_400_and_creates_nothing(double quorum, double threshold, string field)
    {
        var id = Ids.New("coop");

        var response = await Api.Post(Routes.Cooperatives, new { id, name = "Bakery", quorum, threshold });

        await Expect.Problem(response, HttpStatusCode.BadRequest, $"invalid-{field}", field);
        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_name_is_a_400_and_creates_nothing(string name)
    {
        var id = Ids.New("coop");

        var response = await Api.Post(Routes.Cooperatives, new { id, name });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-name", "name");
        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.NotFound, "cooperative-not-found");
    }
}
