using Governance.Verify.Chains;
using Governance.Verify.Records;
using Governance.Verify.Tests.Records;

namespace Governance.Verify.Tests.Chains;

/// <summary>The liquid voting rules as the verifier follows them, one rule per test, on ann who votes yes and whoever reaches her.</summary>
public sealed class ChainRuleTests
{
    private const string Members = """["ann", "ben", "cat", "dan", "eve"]""";

    [Fact]
    public void The_most_specific_scope_wins_decision_over_topic_over_default()
    {
        var chains = Follow("""{"default": {"ben": "eve", "cat": "eve", "dan": "ann"}, "topic": {"ben": "ann", "cat": "eve"}, "decision": {"cat": "ann"}}""");

        Assert.Equal("ben -> ann (topic): carried by ann", chains["ben"]);
        Assert.Equal("cat -> ann (decision): carried by ann", chains["cat"]);
        Assert.Equal("dan -> ann (default): carried by ann", chains["dan"]);
    }

    [Fact]
    public void An_explicit_none_blocks_every_broader_scope()
    {
        var chains = Follow("""{"default": {"ben": "ann", "cat": "ann"}, "topic": {"ben": null, "cat": "ann"}, "decision": {"cat": null}}""");

        Assert.Equal("ben: lost, NoDirectVoter", chains["ben"]);
        Assert.Equal("cat: lost, NoDirectVoter", chains["cat"]);
    }

    [Fact]
    public void The_first_direct_voter_on_the_chain_carries_the_weight_and_a_direct_vote_overrides_ones_own_delegation()
    {
        var chains = Follow("""{"default": {"ann": "eve", "ben": "cat", "cat": "ann"}, "topic": {}, "decision": {}}""", voters: ["ann", "cat"]);

        Assert.Equal("ann: carried by ann", chains["ann"]);
        Assert.Equal("ben -> cat (default): carried by cat", chains["ben"]);
        Assert.Equal("cat: carried by cat", chains["cat"]);
    }

    [Fact]
    public void A_loop_loses_the_weight_of_everyone_on_it_and_of_everyone_who_reaches_it()
    {
        var chains = Follow("""{"default": {"ben": "cat", "cat": "dan", "dan": "ben", "eve": "ben"}, "topic": {}, "decision": {}}""");

        Assert.Equal("ben -> cat (default) -> dan (default) -> ben (default): lost, Loop", chains["ben"]);
        Assert.Equal("eve -> ben (default) -> cat (default) -> dan (default) -> ben (default): lost, Loop", chains["eve"]);
    }

    [Fact]
    public void A_chain_through_someone_not_eligible_loses_the_weight_even_if_it_would_reach_a_voter()
    {
        var chains = Follow("""{"default": {"ben": "zed", "zed": "ann"}, "topic": {}, "decision": {}}""");

        Assert.Equal("ben -> zed (default): lost, NotEligible", chains["ben"]);
    }

    [Fact]
    public void A_chain_that_ends_without_a_direct_voter_loses_the_weight()
    {
        var chains = Follow("""{"default": {"ben": "cat"}, "topic": {}, "decision": {}}""");

        Assert.Equal("ben -> cat (default): lost, NoDirectVoter", chains["ben"]);
        Assert.Equal("dan: lost, NoDirectVoter", chains["dan"]);
    }

    private static Dictionary<string, string> Follow(string delegations, string[]? voters = null)
    {
        var ballots = string.Join(", ", (voters ?? ["ann"]).Select(voter => $$"""{"memberId": "{{voter}}", "choice": "yes"}"""));
        var record = RecordReader.Read(Recorded.Proposal(Members, delegations, $"[{ballots}]", "{}"));
        return ChainFollower.FollowAll(record).ToDictionary(chain => chain.MemberId, Describe);
    }

    private static string Describe(Chain chain) =>
        chain.MemberId + string.Concat(chain.Hops.Select(hop => $" -> {hop.To} ({hop.Scope.ToString().ToLowerInvariant()})")) +
        (chain.CarriedBy is { } voter ? $": carried by {voter}" : $": lost, {chain.Lost}");
}
