namespace Governance.Api.Tests.Infrastructure;

/// <summary>Setup steps for priority polls that assert their own success, like those of <see cref="GovernanceClient"/>.</summary>
public static class PrioritySetup
{
    /// <summary>Items "a", "b", "c" titled "Item A" and so on, unless the test names others.</summary>
    public static readonly string[] DefaultItems = ["a", "b", "c"];

    public static object[] Items(params string[] ids) => [.. ids.Select(id => new { id, title = $"Item {id.ToUpperInvariant()}" })];

    /// <summary>A new poll in discussion; returns its id. <paramref name="parameters"/> adds fields such as maxScore.</summary>
    public static async Task<string> CreatePoll(
        this GovernanceClient api,
        string cooperativeId,
        string method = "schulze",
        string[]? items = null,
        string? topic = null,
        DateTimeOffset? closesAt = null,
        params (string Name, object Value)[] parameters)
    {
        var id = Ids.New("poll");
        var body = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["title"] = $"Poll {id}",
            ["method"] = method,
            ["items"] = Items(items ?? DefaultItems),
            ["topic"] = topic,
            ["closesAt"] = closesAt,
        };
        foreach (var (name, value) in parameters)
        {
            body[name] = value;
        }

        await Expect.Created(await api.Post(PriorityRoutes.Polls(cooperativeId), body), PriorityRoutes.Poll(cooperativeId, id));
        return id;
    }

    /// <summary>A new poll, opened for voting at once; returns its id.</summary>
    public static async Task<string> OpenPoll(
        this GovernanceClient api,
        string cooperativeId,
        string method = "schulze",
        string[]? items = null,
        string? topic = null,
        DateTimeOffset? closesAt = null,
        params (string Name, object Value)[] parameters)
    {
        var id = await api.CreatePoll(cooperativeId, method, items, topic, closesAt, parameters);
        await Expect.Ok(await api.Post(PriorityRoutes.Open(cooperativeId, id)));
        return id;
    }

    public static async Task<JsonElement> ClosePoll(this GovernanceClient api, string cooperativeId, string pollId) =>
        await Expect.Ok(await api.Post(PriorityRoutes.Close(cooperativeId, pollId)));

    /// <summary>Ranks items level by level: "a|bc" ranks a over b and c, which are tied.</summary>
    public static async Task<JsonElement> Rank(this GovernanceClient api, string cooperativeId, string pollId, string memberId, string ranks) =>
        await api.CastBallot(cooperativeId, pollId, memberId, new { ranking = Ranking(ranks) });

    public static async Task<JsonElement> CastBallot(this GovernanceClient api, string cooperativeId, string pollId, string memberId, object ballot) =>
        await Expect.Ok(await api.Put(PriorityRoutes.Ballot(cooperativeId, pollId, memberId), ballot));

    public static async Task<JsonElement> DelegateOnPoll(this GovernanceClient api, string cooperativeId, string pollId, string memberId, string? delegateId) =>
        await Expect.Ok(await api.Put(PriorityRoutes.Delegation(cooperativeId, pollId, memberId), new { delegateId }));

    public static async Task<JsonElement> Result(this GovernanceClient api, string cooperativeId, string pollId) =>
        await api.GetJson(PriorityRoutes.Result(cooperativeId, pollId));

    /// <summary>"a|bc" as the ranking field of a ballot: [["a"], ["b", "c"]]; single-letter item ids.</summary>
    public static string[][] Ranking(string ranks) =>
        [.. ranks.Split('|').Select(rank => rank.Select(item => item.ToString()).ToArray())];

    /// <summary>The result's ranking as "position itemId score tied" lines, for exact comparison.</summary>
    public static string[] Positions(JsonElement result) =>
        [.. result.GetProperty("ranking").EnumerateArray().Select(entry =>
            $"{entry.GetProperty("position").GetInt32()} {entry.GetProperty("itemId").GetString()} {entry.GetProperty("score").GetDouble()}{(entry.GetProperty("tied").GetBoolean() ? " tied" : "")}")];
}
