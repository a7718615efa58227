namespace Governance.Api.Tests.Errors;

/// <summary>Limits that keep one caller from exhausting the service: body size, and how much one cooperative may hold.</summary>
[Collection(ApiCollection.Name)]
public sealed class RequestLimitTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var before = await Api.Observe(Routes.Proposals(cooperative));
        var body = $$"""{"title":"Big","body":"{{new string('x', 64 * 1024)}}"}""";

        var response = await Api.SendRaw(HttpMethod.Post, Routes.Proposals(cooperative), body);

        await Expect.Problem(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(before, await Api.Observe(Routes.Proposals(cooperative)));
    }

    [Fact]
    public async Task A_body_just_under_the_size_limit_is_read()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        // Within the byte limit but over the 20,000-character body limit: the rule answers, not the size check.
        var body = $$"""{"title":"Big","body":"{{new string('x', 60 * 1024)}}"}""";
        var response = await Api.SendRaw(HttpMethod.Post, Routes.Proposals(cooperative), body);

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-body", "body");
    }

    [Fact]
    public async Task A_cooperative_holds_at_most_the_configured_number_of_topics()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        for (var topic = 0; topic < 100; topic++)
        {
            await Expect.Ok(await Api.Put(Routes.Topic(cooperative, $"t{topic}")));
        }

        var before = await Api.Observe(Routes.Cooperative(cooperative));

        await Expect.Problem(await Api.Put(Routes.Topic(cooperative, "one-too-many")), HttpStatusCode.Conflict, "too-many-topics");
        await Expect.Ok(await Api.Put(Routes.Topic(cooperative, "t7")));
        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative)));
    }

    [Fact]
    public async Task Creating_a_cooperative_with_more_topics_than_allowed_is_a_400()
    {
        var id = Ids.New("coop");
        var topics = Enumerable.Range(0, 101).Select(topic => $"t{topic}").ToArray();

        var response = await Api.Post(Routes.Cooperatives, new { id, name = "Many topics", topics });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "too-many-topics", "topics");
        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.NotFound, "cooperative-not-found");
    }
}
