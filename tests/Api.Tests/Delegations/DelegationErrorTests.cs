namespace Governance.Api.Tests.Delegations;

/// <summary>Rejected delegations at every scope: the right status, and nothing changed.</summary>
[Collection(ApiCollection.Name)]
public sealed class DelegationErrorTests(ApiFactory factory) : ApiTest(factory)
{
    public enum Scope
    {
        Default,
        Topic,
        Proposal,
    }

    [Theory]
    [InlineData(Scope.Default)]
    [InlineData(Scope.Topic)]
    [InlineData(Scope.Proposal)]
    public async Task Self_delegation_is_a_400_and_changes_nothing(Scope scope)
    {
        var (cooperative, proposal, path) = await Setup(scope, member: "ben");
        await Expect.Ok(await Api.Put(path, new { delegateId = "ann" }));
        var before = await Observe(cooperative, proposal);

        var response = await Api.Put(path, new { delegateId = "ben" });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "self-delegation", "delegateId");
        Assert.Equal(before, await Observe(cooperative, proposal));
    }

    [Theory]
    [InlineData(Scope.Default, "stranger")]
    [InlineData(Scope.Topic, "stranger")]
    [InlineData(Scope.Proposal, "stranger")]
    [InlineData(Scope.Default, "removed")]
    [InlineData(Scope.Proposal, "removed")]
    public async Task Delegation_to_a_non_member_is_a_400_and_changes_nothing(Scope scope, string delegateId)
    {
        var (cooperative, proposal, path) = await Setup(scope, member: "ben");
        await Expect.Ok(await Api.Put(path, new { delegateId = "ann" }));
        var before = await Observe(cooperative, proposal);

        var response = await Api.Put(path, new { delegateId });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "delegate-not-member", "delegateId");
        Assert.Equal(before, await Observe(cooperative, proposal));
    }

    [Fact]
    public async Task Delegation_on_an_unknown_topic_is_a_400_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["budget"]);
        await Api.DelegateOnTopic(cooperative, "ben", "budget", "ann");
        var before = await Api.Observe(Routes.Delegations(cooperative, "ben"), Routes.Cooperative(cooperative));

        await Expect.Problem(await Api.Put(Routes.TopicDelegation(cooperative, "ben", "hiring"), new { delegateId = "ann" }), HttpStatusCode.BadRequest, "unknown-topic", "topic");
        await Expect.Problem(await Api.Delete(Routes.TopicDelegation(cooperative, "ben", "hiring")), HttpStatusCode.BadRequest, "unknown-topic", "topic");

        Assert.Equal(before, await Api.Observe(Routes.Delegations(cooperative, "ben"), Routes.Cooperative(cooperative)));
    }

    [Theory]
    [InlineData(Scope.Default)]
    [InlineData(Scope.Topic)]
    [InlineData(Scope.Proposal)]
    public async Task Delegation_by_an_unknown_member_is_a_404(Scope scope)
    {
        var (cooperative, proposal, path) = await Setup(scope, member: "nobody");
        var before = await Observe(cooperative, proposal);

        await Expect.Problem(await Api.Put(path, new { delegateId = "ann" }), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await Api.Delete(path), HttpStatusCode.NotFound, "cooperative-not-found");

        Assert.Equal(before, await Observe(cooperative, proposal));
    }

    [Fact]
    public async Task The_delegations_of_an_unknown_member_are_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.Delegations(cooperative, "nobody")), HttpStatusCode.NotFound, "member-not-found");
    }

    /// <summary>A cooperative of ann, ben and cat (topic "budget"; "removed" joined and left), an open proposal, and the delegation path for <paramref name="member"/> at the scope.</summary>
    private async Task<(string Cooperative, string Proposal, string Path)> Setup(Scope scope, string member)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "removed"], topics: ["budget"]);
        await Expect.NoContent(await Api.Delete(Routes.Member(cooperative, "removed")));
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");
        var path = scope switch
        {
            Scope.Default => Routes.DefaultDelegation(cooperative, member),
            Scope.Topic => Routes.TopicDelegation(cooperative, member, "budget"),
            _ => Routes.ProposalDelegation(cooperative, proposal, member),
        };
        return (cooperative, proposal, path);
    }

    private Task<string> Observe(string cooperative, string proposal) =>
        Api.Observe(
            Routes.Delegations(cooperative, "ben"),
            Routes.Cooperative(cooperative),
            Routes.Tally(cooperative, proposal),
            Routes.Trace(cooperative, proposal, "ben"));
}
