using System.Net.Http.Json;
using System.Text;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The API as tests use it: raw requests for the behaviour under test, and setup steps that assert their own
/// success, so that a broken step fails where it happens rather than later in a confusing way. A client either
/// sends every request with the credentials it was given (<see cref="As"/>, <see cref="WithAppKey"/>,
/// <see cref="Anonymous"/>), or, by default, as the <see cref="RightfulCaller"/> of each request.
/// </summary>
public sealed class GovernanceClient
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly Credentials? _credentials;
    private readonly RightfulCaller _rightful;

    public GovernanceClient(HttpClient http)
        : this(http, null, new RightfulCaller())
    {
    }

    private GovernanceClient(HttpClient http, Credentials? credentials, RightfulCaller rightful)
    {
        _http = http;
        _credentials = credentials;
        _rightful = rightful;
    }

    public HttpClient Http => _http;

    /// <summary>The same API, every request sent by this member.</summary>
    public GovernanceClient As(string memberId) => new(_http, Credentials.Member(memberId), _rightful);

    public GovernanceClient WithCredentials(Credentials credentials) => new(_http, credentials, _rightful);

    public GovernanceClient WithAppKey(string appKey) => new(_http, Credentials.Key(appKey), _rightful);

    public GovernanceClient Anonymous => new(_http, Credentials.None, _rightful);

    /// <summary>The founder (first admin) of a cooperative created through this client.</summary>
    public string FounderOf(string cooperativeId) => _rightful.FounderOf(cooperativeId);

    // Raw requests.

    public Task<HttpResponseMessage> Get(string path) => Send(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> Post(string path, object? body = null) => Send(HttpMethod.Post, path, Content(body));

    public Task<HttpResponseMessage> Put(string path, object? body = null) => Send(HttpMethod.Put, path, Content(body));

    public Task<HttpResponseMessage> Delete(string path) => Send(HttpMethod.Delete, path, null);

    /// <summary>Sends <paramref name="body"/> exactly as written, for bodies no serializer would produce.</summary>
    public Task<HttpResponseMessage> SendRaw(HttpMethod method, string path, string body, string mediaType = "application/json") =>
        Send(method, path, new StringContent(body, Encoding.UTF8, mediaType));

    /// <summary>Sends the request; with <paramref name="completion"/> ResponseHeadersRead it returns before the body, as a stream needs.</summary>
    public async Task<HttpResponseMessage> Send(
        HttpMethod method, string path, HttpContent? content, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        var sender = _credentials is null ? _rightful.For(method, path) : null;
        (_credentials ?? Credentials.Member(sender!)).ApplyTo(request);
        var response = await _http.SendAsync(request, completion);
        if (method == HttpMethod.Post && path == Routes.Cooperatives && response.StatusCode == HttpStatusCode.Created)
        {
            var founder = sender ?? FounderFrom(_credentials!);
            var cooperativeId = response.Headers.Location!.OriginalString.Split('/')[^1];
            _rightful.RecordFounder(Uri.UnescapeDataString(cooperativeId), founder);
        }

        return response;
    }

    public async Task<JsonElement> GetJson(string path) => await Expect.Ok(await Get(path));

    /// <summary>Opens a text/event-stream at <paramref name="path"/>, returning once its headers arrived.</summary>
    public async Task<EventStream> OpenStream(string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        (_credentials ?? Credentials.Member(_rightful.For(HttpMethod.Get, path))).ApplyTo(request);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return new EventStream(await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));
    }

    /// <summary>
    /// What these resources look like now, as status and body of a GET each: compare a reading before and after a
    /// rejected request to show that it changed nothing.
    /// </summary>
    public async Task<string> Observe(params string[] paths)
    {
        var state = new StringBuilder();
        foreach (var path in paths)
        {
            var response = await Get(path);
            var body = await response.Content.ReadAsStringAsync();

            // Problem details carry a per-request trace id; everything else must match exactly.
            var stable = response.Content.Headers.ContentType?.MediaType == Expect.ProblemJson
                ? JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()
                : body;
            state.Append(path).Append(" -> ").Append((int)response.StatusCode).Append(' ').AppendLine(stable);
        }

        return state.ToString();
    }

    // Setup steps.

    /// <summary>
    /// A new cooperative with a unique id, these members (in this order) and topics; returns its id. The first member
    /// creates it and so is its admin; without members, <see cref="RightfulCaller.DefaultFounder"/> does.
    /// </summary>
    public async Task<string> CreateCooperative(
        string[]? members = null,
        string[]? topics = null,
        double? quorum = null,
        double? threshold = null)
    {
        var id = Ids.New("coop");
        string[] roster = members ?? [];
        var founder = roster.Length > 0 ? roster[0] : RightfulCaller.DefaultFounder;
        var created = await As(founder).Post(Routes.Cooperatives, new { id, name = "Test cooperative", topics, quorum, threshold });
        await Expect.Created(created, Routes.Cooperative(id));
        await AddMembers(id, roster.Length > 0 ? roster[1..] : []);
        return id;
    }

    public async Task AddMembers(string cooperativeId, params string[] memberIds)
    {
        foreach (var memberId in memberIds)
        {
            await Expect.Created(await Post(Routes.Members(cooperativeId), new { id = memberId }), Routes.Member(cooperativeId, memberId));
        }
    }

    /// <summary>A new proposal in discussion; returns its id.</summary>
    public async Task<string> CreateProposal(
        string cooperativeId,
        string? topic = null,
        double? quorum = null,
        double? threshold = null,
        DateTimeOffset? closesAt = null)
    {
        var id = Ids.New("prop");
        var body = new { id, title = $"Proposal {id}", topic, closesAt, quorum, threshold };
        await Expect.Created(await Post(Routes.Proposals(cooperativeId), body), Routes.Proposal(cooperativeId, id));
        return id;
    }

    /// <summary>A new proposal, opened for voting at once; returns its id.</summary>
    public async Task<string> OpenProposal(
        string cooperativeId,
        string? topic = null,
        double? quorum = null,
        double? threshold = null,
        DateTimeOffset? closesAt = null)
    {
        var id = await CreateProposal(cooperativeId, topic, quorum, threshold, closesAt);
        await Open(cooperativeId, id);
        return id;
    }

    public async Task<JsonElement> Open(string cooperativeId, string proposalId) =>
        await Expect.Ok(await Post(Routes.Open(cooperativeId, proposalId)));

    public async Task<JsonElement> Close(string cooperativeId, string proposalId) =>
        await Expect.Ok(await Post(Routes.Close(cooperativeId, proposalId)));

    public async Task<JsonElement> Vote(string cooperativeId, string proposalId, string memberId, string choice) =>
        await Expect.Ok(await Put(Routes.Vote(cooperativeId, proposalId, memberId), new { choice }));

    public async Task Withdraw(string cooperativeId, string proposalId, string memberId) =>
        await Expect.NoContent(await Delete(Routes.Vote(cooperativeId, proposalId, memberId)));

    /// <summary>Sets the default-scope delegation; a null delegate is an explicit "no delegation".</summary>
    public async Task<JsonElement> DelegateByDefault(string cooperativeId, string memberId, string? delegateId) =>
        await Expect.Ok(await Put(Routes.DefaultDelegation(cooperativeId, memberId), new { delegateId }));

    public async Task<JsonElement> DelegateOnTopic(string cooperativeId, string memberId, string topic, string? delegateId) =>
        await Expect.Ok(await Put(Routes.TopicDelegation(cooperativeId, memberId, topic), new { delegateId }));

    public async Task<JsonElement> DelegateOnProposal(string cooperativeId, string proposalId, string memberId, string? delegateId) =>
        await Expect.Ok(await Put(Routes.ProposalDelegation(cooperativeId, proposalId, memberId), new { delegateId }));

    public async Task<JsonElement> Tally(string cooperativeId, string proposalId) =>
        await GetJson(Routes.Tally(cooperativeId, proposalId));

    public async Task<JsonElement> Trace(string cooperativeId, string proposalId, string memberId) =>
        await GetJson(Routes.Trace(cooperativeId, proposalId, memberId));

    /// <summary>Every item of a paged list, following nextCursor page by page; also returns how many pages it took.</summary>
    public async Task<(List<JsonElement> Items, int Pages)> ReadAllPages(string path, int limit, params (string Name, string? Value)[] query)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await GetJson(Routes.WithQuery(path, [.. query, ("limit", limit.ToString()), ("cursor", cursor)]));
            Expect.Fields(page, "items", "nextCursor");
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(pageItems.Count <= limit, $"A page held {pageItems.Count} items; the limit was {limit}.");
            items.AddRange(pageItems);
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(++pages <= 1000, "Paging did not end.");
        }
        while (cursor is not null);

        return (items, pages);
    }

    private static JsonContent? Content(object? body) => body is null ? null : JsonContent.Create(body, options: Web);

    /// <summary>The member a bearer token was minted for; tests create cooperatives with member tokens only.</summary>
    private static string FounderFrom(Credentials credentials) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(credentials.BearerToken!).Subject;
}
