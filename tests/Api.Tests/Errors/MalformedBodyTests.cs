namespace Governance.Api.Tests.Errors;

/// <summary>
/// Bodies that are not JSON, have fields of the wrong type, or fields the request does not accept: a 400 whose
/// errors map names the field at fault (or "body"), and nothing changes.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedBodyTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Route, body ("NEW" becomes a fresh id), and the field the errors map must name.</summary>
    public static TheoryData<BodyRoute, string, string> MalformedBodies()
    {
        var data = new TheoryData<BodyRoute, string, string>();
        foreach (var route in Enum.GetValues<BodyRoute>())
        {
            data.Add(route, "this is not JSON", "body");
            data.Add(route, "{", "body");
            data.Add(route, "[]", "body");
            data.Add(route, "\"a string\"", "body");
        }

        data.Add(BodyRoute.CreateCooperative, """{"id":"NEW","name":5}""", "name");
        data.Add(BodyRoute.CreateCooperative, """{"id":"NEW","name":"Coop","quorum":"high"}""", "quorum");
        data.Add(BodyRoute.CreateCooperative, """{"id":"NEW","name":"Coop","topics":"budget"}""", "topics");
        data.Add(BodyRoute.CreateCooperative, """{"id":7,"name":"Coop"}""", "id");
        data.Add(BodyRoute.CreateCooperative, """{"id":"NEW","name":"Coop","owner":"ann"}""", "owner");
        data.Add(BodyRoute.AddMember, """{"id":["NEW"]}""", "id");
        data.Add(BodyRoute.AddMember, """{"id":"NEW","name":false}""", "name");
        data.Add(BodyRoute.AddMember, """{"id":"NEW","role":"admin"}""", "role");
        data.Add(BodyRoute.DefaultDelegation, """{"delegateId":5}""", "delegateId");
        data.Add(BodyRoute.DefaultDelegation, """{"delegateId":"ann","scope":"default"}""", "scope");
        data.Add(BodyRoute.TopicDelegation, """{"delegateId":{"id":"ann"}}""", "delegateId");
        data.Add(BodyRoute.TopicDelegation, """{"delegate":"ann"}""", "delegate");
        data.Add(BodyRoute.ProposalDelegation, """{"delegateId":true}""", "delegateId");
        data.Add(BodyRoute.ProposalDelegation, """{"delegateId":"ann","weight":2}""", "weight");
        data.Add(BodyRoute.CreateProposal, """{"id":"NEW","title":["T"]}""", "title");
        data.Add(BodyRoute.CreateProposal, """{"id":"NEW","title":"T","closesAt":"next week"}""", "closesAt");
        data.Add(BodyRoute.CreateProposal, """{"id":"NEW","title":"T","status":"voting"}""", "status");
        data.Add(BodyRoute.CastVote, """{"choice":true}""", "choice");
        data.Add(BodyRoute.CastVote, """{"choice":"yes","weight":3}""", "weight");
        data.Add(BodyRoute.ChangeSettings, """{"membersMayCreateProposals":"no"}""", "membersMayCreateProposals");
        data.Add(BodyRoute.ChangeSettings, """{"membersMayCreateProposals":true,"name":"Renamed"}""", "name");
        data.Add(BodyRoute.SetRole, """{"role":"owner"}""", "role");
        data.Add(BodyRoute.SetRole, """{"role":1}""", "role");
        data.Add(BodyRoute.CastVote, """{"choice":0}""", "choice");
        data.Add(BodyRoute.SetRole, """{"role":"admin","memberId":"ann"}""", "memberId");
        data.Add(BodyRoute.IssueAppKey, """{"name":"app","scopes":"read"}""", "scopes");
        data.Add(BodyRoute.IssueAppKey, """{"name":"app","scopes":["read"],"secret":"chosen-by-me"}""", "secret");
        data.Add(BodyRoute.IssueAppKey, """{"name":"app","scopes":["read"],"id":"mine"}""", "id");
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_a_400_naming_the_field_and_changes_nothing(BodyRoute route, string body, string field)
    {
        var scene = await Scene.Create(Api);
        var before = await scene.Observe(Api);

        var response = await Api.SendRaw(Scene.Method(route), scene.Path(route), body.Replace("NEW", scene.NewId));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request", field);
        Assert.Equal(before, await scene.Observe(Api));
    }

    [Theory]
    [InlineData(BodyRoute.CreateCooperative)]
    [InlineData(BodyRoute.AddMember)]
    [InlineData(BodyRoute.DefaultDelegation)]
    [InlineData(BodyRoute.TopicDelegation)]
    [InlineData(BodyRoute.ProposalDelegation)]
    [InlineData(BodyRoute.CreateProposal)]
    [InlineData(BodyRoute.CastVote)]
    [InlineData(BodyRoute.ChangeSettings)]
    [InlineData(BodyRoute.SetRole)]
    [InlineData(BodyRoute.IssueAppKey)]
    public async Task A_missing_body_is_a_400_and_changes_nothing(BodyRoute route)
    {
        var scene = await Scene.Create(Api);
        var before = await scene.Observe(Api);

        var response = await Api.SendRaw(Scene.Method(route), scene.Path(route), "");

        await Expect.Problem(response, HttpStatusCode.BadRequest, "malformed-request", "body");
        Assert.Equal(before, await scene.Observe(Api));
    }

    [Fact]
    public async Task A_body_that_is_not_declared_as_JSON_is_refused_as_a_problem()
    {
        var id = Ids.New("coop");

        var response = await Api.SendRaw(HttpMethod.Post, Routes.Cooperatives, $$"""{"id":"{{id}}","name":"Coop"}""", "text/plain");

        await Expect.Problem(response, HttpStatusCode.UnsupportedMediaType);
        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    /// <summary>A cooperative (ann, ben; topic "budget") with an open proposal on which ann voted yes and ben delegates to ann.</summary>
    private sealed record Scene(string Cooperative, string Proposal, string NewId)
    {
        public static async Task<Scene> Create(GovernanceClient api)
        {
            var cooperative = await api.CreateCooperative(members: ["ann", "ben"], topics: ["budget"]);
            await api.DelegateByDefault(cooperative, "ben", "ann");
            var proposal = await api.OpenProposal(cooperative, topic: "budget");
            await api.Vote(cooperative, proposal, "ann", "yes");
            return new Scene(cooperative, proposal, Ids.New("new"));
        }

        public static HttpMethod Method(BodyRoute route) => route switch
        {
            BodyRoute.CreateCooperative or BodyRoute.AddMember or BodyRoute.CreateProposal or BodyRoute.IssueAppKey => HttpMethod.Post,
            _ => HttpMethod.Put,
        };

        public string Path(BodyRoute route) => route switch
        {
            BodyRoute.CreateCooperative => Routes.Cooperatives,
            BodyRoute.AddMember => Routes.Members(Cooperative),
            BodyRoute.DefaultDelegation => Routes.DefaultDelegation(Cooperative, "ben"),
            BodyRoute.TopicDelegation => Routes.TopicDelegation(Cooperative, "ben", "budget"),
            BodyRoute.ProposalDelegation => Routes.ProposalDelegation(Cooperative, Proposal, "ben"),
            BodyRoute.CreateProposal => Routes.Proposals(Cooperative),
            BodyRoute.CastVote => Routes.Vote(Cooperative, Proposal, "ben"),
            BodyRoute.ChangeSettings => Routes.Settings(Cooperative),
            BodyRoute.SetRole => Routes.Role(Cooperative, "ben"),
            BodyRoute.IssueAppKey => Routes.Keys(Cooperative),
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };

        public Task<string> Observe(GovernanceClient api) =>
            api.Observe(
                Routes.Cooperative(Cooperative),
                Routes.Members(Cooperative),
                Routes.Keys(Cooperative),
                Routes.Delegations(Cooperative, "ben"),
                Routes.Proposals(Cooperative),
                Routes.Votes(Cooperative, Proposal),
                Routes.Tally(Cooperative, Proposal),
                Routes.Trace(Cooperative, Proposal, "ben"),
                Routes.Cooperative(NewId),
                Routes.Member(Cooperative, NewId),
                Routes.Proposal(Cooperative, NewId));
    }
}
