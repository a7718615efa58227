using System.Diagnostics;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;

namespace Governance.Api.Tests.Retries;

/// <summary>
/// A grain call that fails as it does when a silo dies is retried by the API for votes, delegations and creates that
/// name their id, so the caller gets the answer of a call that went through. A create whose first answer was lost
/// after it was stored recognises its own write and answers 201, not 409. Nothing else is retried.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TransientRetryTests(ApiFactory factory) : ApiTest(factory), IDisposable
{
    private static readonly string[] Topics = ["budget"];

    public void Dispose() => Factory.Faults.Clear();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_vote_whose_call_fails_once_is_answered_200_and_counted_once(bool answerLost)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        Factory.Faults.FailNext<IDecisionGrain>(nameof(IDecisionGrain.CastBallot), answerLost);

        var ballot = await Expect.Ok(await Api.As("ann").Put(Routes.Vote(cooperative, proposal, "ann"), new { choice = "yes" }));

        Assert.Equal("yes", ballot.GetProperty("choice").GetString());
        Assert.Equal(2, Factory.Faults.Calls<IDecisionGrain>(nameof(IDecisionGrain.CastBallot)));
        var tally = await Api.Tally(cooperative, proposal);
        Assert.Equal(1, tally.GetProperty("participation").GetInt32());
        Assert.Equal(1, tally.GetProperty("counts").GetProperty("yes").GetInt32());
    }

    [Fact]
    public async Task A_delegation_whose_call_fails_once_is_answered_200()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        Factory.Faults.FailNext<ICooperativeGrain>(nameof(ICooperativeGrain.SetDelegation), answerLost: false);

        var delegations = await Api.As("ann").DelegateByDefault(cooperative, "ann", "ben");

        Assert.Equal("ben", delegations.GetProperty("default").GetProperty("delegateId").GetString());
        Assert.Equal(2, Factory.Faults.Calls<ICooperativeGrain>(nameof(ICooperativeGrain.SetDelegation)));
    }

    [Fact]
    public async Task A_cooperative_created_but_whose_answer_was_lost_is_answered_201_with_it()
    {
        var id = Ids.New("coop");
        Factory.Faults.FailNext<ICooperativeGrain>(nameof(ICooperativeGrain.Create), answerLost: true);

        var response = await Api.As("ann").Post(Routes.Cooperatives, new { id, name = " Acme ", topics = Topics, quorum = 0.5 });

        var created = await Expect.Created(response, Routes.Cooperative(id));
        Assert.Equal("Acme", created.GetProperty("name").GetString());
        Assert.Equal(2, Factory.Faults.Calls<ICooperativeGrain>(nameof(ICooperativeGrain.Create)));
        Assert.Equal(1, (await Api.As("ann").GetJson(Routes.Cooperative(id))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task A_member_added_but_whose_answer_was_lost_is_answered_201_with_them()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        Factory.Faults.FailNext<ICooperativeGrain>(nameof(ICooperativeGrain.AddMember), answerLost: true);

        var response = await Api.As("ann").Post(Routes.Members(cooperative), new { id = "ben", name = "Ben" });

        var member = await Expect.Created(response, Routes.Member(cooperative, "ben"));
        Assert.Equal("Ben", member.GetProperty("name").GetString());
        Assert.Equal("member", member.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_proposal_created_but_whose_answer_was_lost_is_answered_201_with_it()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        Factory.Faults.FailNext<ICooperativeGrain>(nameof(ICooperativeGrain.CreateProposal), answerLost: true);
        var id = Ids.New("prop");

        var response = await Api.As("ann").Post(Routes.Proposals(cooperative), new { id, title = "Paint the hall", body = "Blue.", threshold = 0.6 });

        var proposal = await Expect.Created(response, Routes.Proposal(cooperative, id));
        Assert.Equal("Paint the hall", proposal.GetProperty("title").GetString());
        Assert.Equal(0.6, proposal.GetProperty("threshold").GetDouble());
        Assert.Equal("ann", proposal.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task A_retried_create_that_finds_someone_elses_resource_is_still_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var id = await Api.As("ben").CreateProposal(cooperative);
        Factory.Faults.FailNext<ICooperativeGrain>(nameof(ICooperativeGrain.CreateProposal), answerLost: false);

        var response = await Api.As("ann").Post(Routes.Proposals(cooperative), new { id, title = $"Proposal {id}" });

        await Expect.Problem(response, HttpStatusCode.Conflict, "proposal-exists");
        Assert.Equal(2, Factory.Faults.Calls<ICooperativeGrain>(nameof(ICooperativeGrain.CreateProposal)));
    }

    [Fact]
    public async Task A_create_without_an_id_is_not_retried()
    {
        Factory.Faults.FailNext<ICooperativeGrain>(nameof(ICooperativeGrain.Create), answerLost: false);

        var response = await Api.As("ann").Post(Routes.Cooperatives, new { name = "Acme" });

        await Expect.Problem(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal(1, Factory.Faults.Calls<ICooperativeGrain>(nameof(ICooperativeGrain.Create)));
    }

    [Fact]
    public async Task Opening_a_proposal_is_not_retried()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.CreateProposal(cooperative);
        Factory.Faults.FailNext<IDecisionGrain>(nameof(IDecisionGrain.Open), answerLost: false);

        var response = await Api.As("ann").Post(Routes.Open(cooperative, proposal));

        await Expect.Problem(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal(1, Factory.Faults.Calls<IDecisionGrain>(nameof(IDecisionGrain.Open)));
    }

    [Fact]
    public async Task A_vote_that_keeps_failing_is_answered_503_within_the_budget()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        Factory.Faults.FailNext<IDecisionGrain>(nameof(IDecisionGrain.CastBallot), answerLost: false, times: 1000);
        var clock = Stopwatch.StartNew();

        var response = await Api.As("ann").Put(Routes.Vote(cooperative, proposal, "ann"), new { choice = "yes" });

        await Expect.Problem(response, HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(3.3), TimeSpan.FromSeconds(4.5));
        Assert.InRange(Factory.Faults.Calls<IDecisionGrain>(nameof(IDecisionGrain.CastBallot)), 10, 20);
    }
}
