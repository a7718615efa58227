using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;

namespace Governance.Domain.Tests.Cooperatives;

public sealed class CooperativeDelegationTests
{
    private const int None = DelegationEntry.None;
    private const int Blocked = DelegationEntry.Blocked;

    // Indices: the founder 0 (who never delegates here), ann 1, bob 2, cyd 3.
    private static Cooperative Bakery() => Created("bread", "cakes").Join("ann", "bob", "cyd");

    [Fact]
    public void A_default_delegation_fills_the_default_layer_only()
    {
        var cooperative = Bakery();

        var set = cooperative.DecideSetDelegation("ann", null, "bob", Now);
        Assert.Equal(new DelegationSet(Now, "ann", null, "bob"), set);
        cooperative.Apply(set!);

        Assert.Equal([None, 2, None, None], cooperative.DefaultLayer());
        Assert.Equal([None, None, None, None], cooperative.TopicLayer("bread"));
        Assert.Equal(cooperative.Version, cooperative.DelegationVersion);
    }

    [Fact]
    public void A_topic_delegation_fills_that_topics_layer_only()
    {
        var cooperative = Bakery().Delegate("bob", "bread", "cyd");

        Assert.Equal([None, None, 3, None], cooperative.TopicLayer("bread"));
        Assert.Equal([None, None, None, None], cooperative.TopicLayer("cakes"));
        Assert.Equal([None, None, None, None], cooperative.DefaultLayer());
    }

    [Fact]
    public void A_null_delegate_is_stored_as_a_block()
    {
        var cooperative = Bakery().Delegate("ann", null, "bob").Delegate("ann", "bread", null);

        Assert.Equal([None, Blocked, None, None], cooperative.TopicLayer("bread"));
        Assert.Equal([None, 2, None, None], cooperative.DefaultLayer());
        var (atDefault, topics) = cooperative.DelegationsOf("ann");
        Assert.Equal(new DelegationTargetView("bob"), atDefault);
        Assert.Equal(new DelegationTargetView(null), Assert.Single(topics, entry => entry.Key == "bread").Value);
    }

    [Fact]
    public void Repeating_a_delegation_or_a_block_changes_nothing()
    {
        var cooperative = Bakery().Delegate("ann", null, "bob").Delegate("ann", "bread", null);

        Assert.Null(cooperative.DecideSetDelegation("ann", null, "bob", Now));
        Assert.Null(cooperative.DecideSetDelegation("ann", "bread", null, Now));
        Assert.NotNull(cooperative.DecideSetDelegation("ann", null, "cyd", Now));
        Assert.NotNull(cooperative.DecideSetDelegation("ann", "cakes", null, Now));
    }

    [Fact]
    public void Clearing_removes_the_entry_and_clearing_nothing_changes_nothing()
    {
        var cooperative = Bakery().Delegate("ann", "bread", "bob");

        Assert.Null(cooperative.DecideClearDelegation("ann", null, Now));
        Assert.Null(cooperative.DecideClearDelegation("ann", "cakes", Now));
        var cleared = cooperative.DecideClearDelegation("ann", "bread", Now);
        Assert.Equal(new DelegationCleared(Now, "ann", "bread"), cleared);
        cooperative.Apply(cleared!);

        Assert.Equal([None, None, None, None], cooperative.TopicLayer("bread"));
        Assert.Null(cooperative.DecideClearDelegation("ann", "bread", Now));
        Assert.Empty(cooperative.DelegationsOf("ann").Topics);
    }

    [Fact]
    public void Delegating_to_oneself_is_invalid()
    {
        AssertInvalid("self-delegation", "delegateId", () => Bakery().DecideSetDelegation("ann", null, "ann", Now));
        AssertInvalid("self-delegation", "delegateId", () => Bakery().DecideSetDelegation("ann", "bread", "ann", Now));
        AssertInvalid("self-delegation", "delegateId", () => Bakery().ValidateDelegation("ann", "ann"));
    }

    [Fact]
    public void Delegating_to_a_non_member_is_invalid()
    {
        AssertInvalid("delegate-not-member", "delegateId", () => Bakery().DecideSetDelegation("ann", null, "eve", Now));
        AssertInvalid("delegate-not-member", "delegateId", () => Bakery().ValidateDelegation("ann", "eve"));
    }

    [Fact]
    public void Delegating_to_a_removed_member_is_invalid()
    {
        var cooperative = Bakery().Remove("bob");

        AssertInvalid("delegate-not-member", "delegateId", () => cooperative.DecideSetDelegation("ann", null, "bob", Now));
    }

    [Fact]
    public void Delegating_in_an_unknown_topic_is_invalid()
    {
        AssertInvalid("unknown-topic", "topic", () => Bakery().DecideSetDelegation("ann", "pies", "bob", Now));
        AssertInvalid("unknown-topic", "topic", () => Bakery().DecideClearDelegation("ann", "pies", Now));
    }

    [Fact]
    public void A_delegation_by_someone_who_is_not_a_member_is_not_found()
    {
        var cooperative = Bakery();
        Func<object?>[] commands =
        [
            () => cooperative.DecideSetDelegation("eve", null, "bob", Now),
            () => cooperative.DecideClearDelegation("eve", null, Now),
            () => cooperative.DelegationsOf("eve"),
            () =>
            {
                cooperative.ValidateDelegation("eve", "bob");
                return null;
            },
        ];

        Assert.All(commands, command =>
        {
            var violation = Assert.Throws<RuleViolationException>(command);
            Assert.Equal(RuleViolationKind.NotFound, violation.Kind);
            Assert.Equal("member-not-found", violation.Code);
        });
    }

    [Fact]
    public void ValidateDelegation_accepts_a_member_delegate_or_a_block()
    {
        var cooperative = Bakery();

        cooperative.ValidateDelegation("ann", "bob");
        cooperative.ValidateDelegation("ann", null);
    }

    [Fact]
    public void Removal_drops_every_delegation_from_or_to_the_removed_member()
    {
        var cooperative = Bakery()
            .Delegate("ann", null, "bob")
            .Delegate("ann", "bread", "cyd")
            .Delegate("ann", "cakes", null)
            .Delegate("bob", null, "ann")
            .Delegate("cyd", "bread", "ann")
            .Delegate("cyd", null, "bob");

        cooperative.Remove("ann");

        Assert.Equal([None, None, None, 2], cooperative.DefaultLayer());
        Assert.Equal([None, None, None, None], cooperative.TopicLayer("bread"));
        Assert.Equal([None, None, None, None], cooperative.TopicLayer("cakes"));
        Assert.Null(cooperative.DelegationsOf("bob").Default);
        Assert.Empty(cooperative.DelegationsOf("cyd").Topics);
        Assert.Equal(cooperative.Version, cooperative.DelegationVersion);
    }

    [Fact]
    public void Who_delegated_to_a_removed_member_falls_back_to_the_broader_scope_and_nothing_revives_on_rejoin()
    {
        var cooperative = Bakery().Delegate("bob", null, "cyd").Delegate("bob", "bread", "ann").Remove("ann").Join("ann");
        var roster = cooperative.RosterAt(cooperative.Version);
        var direct = new Choice?[roster.MemberIds.Length];
        direct[roster.IndexOfEligible("cyd")] = Choice.Yes;
        direct[roster.IndexOfEligible("ann")] = Choice.No;

        var network = new DelegationNetwork(roster.Eligible, direct, cooperative.DefaultLayer(), cooperative.TopicLayer("bread"));
        var trace = LiquidResolver.Trace(network, roster.IndexOfEligible("bob"));

        Assert.Equal(roster.IndexOfEligible("cyd"), trace.Carrier);
        Assert.Equal([new TraceHop(2, 3, DelegationScope.Default)], trace.Hops);
        Assert.Empty(cooperative.DelegationsOf("bob").Topics);
    }

    [Fact]
    public void Layers_cover_every_roster_index_including_removed_ones()
    {
        var cooperative = Bakery().Remove("cyd").Join("dan").Delegate("dan", null, "ann");

        Assert.Equal([None, None, None, None, 1], cooperative.DefaultLayer());
        Assert.Equal(5, cooperative.TopicLayer("bread").Length);
        Assert.Equal(5, cooperative.TopicLayer("no-such-topic").Length);
    }

    private static void AssertInvalid(string code, string field, Action command)
    {
        var violation = Assert.Throws<RuleViolationException>(command);
        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal(code, violation.Code);
        Assert.Equal(field, violation.Field);
    }
}
