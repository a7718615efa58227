using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;

namespace Governance.Domain.Tests.Cooperatives;

public sealed class CooperativeCreationTests
{
    [Fact]
    public void Create_trims_the_name_drops_repeated_topics_and_applies_the_default_rule()
    {
        var cooperative = new Cooperative();

        var created = Assert.IsType<CooperativeCreated>(cooperative.DecideCreate("  Bakery  ", ["bread", "cakes", "bread"], null, null, Founder, Now));
        cooperative.Apply(created);

        Assert.Equal("Bakery", created.Name);
        Assert.Equal(["bread", "cakes"], created.Topics);
        Assert.True(cooperative.Exists);
        Assert.Equal("Bakery", cooperative.Name);
        Assert.Equal(Now, cooperative.CreatedAt);
        Assert.Equal(["bread", "cakes"], cooperative.Topics);
        Assert.Equal(DecisionRule.Default, cooperative.Rule);
        Assert.Equal(1, cooperative.Version);
        Assert.Equal(1, cooperative.MemberCount);
        Assert.Equal([new RosterEntry(Founder, null, Now, 1, Role: MemberRole.Admin)], cooperative.Roster);
    }

    [Fact]
    public void Create_keeps_a_given_quorum_and_threshold()
    {
        var cooperative = new Cooperative();

        cooperative.Apply(cooperative.DecideCreate("Bakery", null, 0.3, 0.6, Founder, Now));

        Assert.Equal(new DecisionRule(0.3, 0.6), cooperative.Rule);
        Assert.Empty(cooperative.Topics);
    }

    [Fact]
    public void Creating_twice_is_a_conflict()
    {
        var cooperative = Created();

        var violation = Assert.Throws<RuleViolationException>(() => cooperative.DecideCreate("Other", null, null, null, Founder, Now));

        Assert.Equal(RuleViolationKind.Conflict, violation.Kind);
        Assert.Equal("cooperative-exists", violation.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_name_is_invalid(string name)
    {
        var violation = Assert.Throws<RuleViolationException>(() => new Cooperative().DecideCreate(name, null, null, null, Founder, Now));

        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal("invalid-name", violation.Code);
        Assert.Equal("name", violation.Field);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_invalid_and_one_at_the_limit_is_not()
    {
        var atLimit = new string('n', GovernanceLimits.Default.MaxNameLength);

        Assert.Equal(atLimit, Assert.IsType<CooperativeCreated>(new Cooperative().DecideCreate(atLimit, null, null, null, Founder, Now)).Name);
        Assert.Throws<RuleViolationException>(() => new Cooperative().DecideCreate(atLimit + "n", null, null, null, Founder, Now));
    }

    [Fact]
    public void A_malformed_topic_id_is_invalid()
    {
        var violation = Assert.Throws<RuleViolationException>(() => new Cooperative().DecideCreate("Bakery", ["bread", "sour dough"], null, null, Founder, Now));

        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal("invalid-id", violation.Code);
        Assert.Equal("topics", violation.Field);
    }

    [Fact]
    public void An_out_of_range_rule_is_invalid()
    {
        var violation = Assert.Throws<RuleViolationException>(() => new Cooperative().DecideCreate("Bakery", null, 1.5, null, Founder, Now));

        Assert.Equal("invalid-quorum", violation.Code);
    }

    [Fact]
    public void Adding_a_topic_appends_it_once_and_a_repeat_changes_nothing()
    {
        var cooperative = Created("bread");

        var added = cooperative.DecideAddTopic("cakes", Founder, Now);
        Assert.Equal(new TopicAdded(Now, "cakes", Founder), added);
        cooperative.Apply(added!);

        Assert.Equal(["bread", "cakes"], cooperative.Topics);
        Assert.True(cooperative.HasTopic("cakes"));
        Assert.Null(cooperative.DecideAddTopic("cakes", Founder, Now));
        Assert.Null(cooperative.DecideAddTopic("bread", Founder, Now));
    }

    [Fact]
    public void A_malformed_topic_added_later_is_invalid()
    {
        var violation = Assert.Throws<RuleViolationException>(() => Created().DecideAddTopic("a/b", Founder, Now));

        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal("topic", violation.Field);
    }

    [Fact]
    public void Commands_to_a_cooperative_that_does_not_exist_are_not_found()
    {
        var cooperative = new Cooperative();
        Func<object?>[] commands =
        [
            () => cooperative.DecideAddTopic("bread", Founder, Now),
            () => cooperative.DecideAddMember("ann", null, Founder, Now),
            () => cooperative.DecideRemoveMember("ann", Founder, Now),
            () => cooperative.DecideSetDelegation("ann", null, "bob", Now),
            () => cooperative.DecideClearDelegation("ann", null, Now),
            () => cooperative.DecideRegisterProposal("p1", "Oven", null, Now),
        ];

        Assert.All(commands, command =>
        {
            var violation = Assert.Throws<RuleViolationException>(command);
            Assert.Equal(RuleViolationKind.NotFound, violation.Kind);
            Assert.Equal("cooperative-not-found", violation.Code);
        });
    }
}
