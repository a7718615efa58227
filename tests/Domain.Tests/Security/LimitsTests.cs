using Governance.Domain.Cooperatives;
using Governance.Domain.Decisions;
using Governance.Domain.Identifiers;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Cooperatives.CooperativeScenario;
using static Governance.Domain.Tests.Security.SecurityScenario;

namespace Governance.Domain.Tests.Security;

public sealed class LimitsTests
{
    private static readonly DateTimeOffset Deadline = Now.AddDays(7);

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var limits = GovernanceLimits.Default;

        Assert.Equal(
            (64, 200, 200, 20_000, 100, 20),
            (limits.MaxIdLength, limits.MaxNameLength, limits.MaxTitleLength, limits.MaxBodyLength, limits.MaxTopicsPerCooperative, limits.MaxActiveAppKeysPerCooperative));
        Assert.Same(GovernanceLimits.Default, new Cooperative().Limits);
        Assert.Same(GovernanceLimits.Default, new Decision(DecisionKind.Proposal).Limits);
    }

    [Fact]
    public void Creating_with_more_topics_than_the_limit_is_invalid()
    {
        var limits = new GovernanceLimits { MaxTopicsPerCooperative = 2 };

        var violation = AssertViolation(
            RuleViolationKind.Invalid, "too-many-topics", () => new Cooperative { Limits = limits }.DecideCreate("Bakery", ["a", "b", "c"], null, null, Founder, Now));

        Assert.Equal("topics", violation.Field);
    }

    [Fact]
    public void Creating_with_topics_up_to_the_limit_is_fine_and_repeats_do_not_count()
    {
        var limits = new GovernanceLimits { MaxTopicsPerCooperative = 2 };

        var created = Assert.IsType<CooperativeCreated>(
            new Cooperative { Limits = limits }.DecideCreate("Bakery", ["a", "b", "a", "b"], null, null, Founder, Now));

        Assert.Equal(["a", "b"], created.Topics);
    }

    [Fact]
    public void The_default_topic_limit_is_enforced_at_creation()
    {
        var atLimit = Enumerable.Range(0, GovernanceLimits.Default.MaxTopicsPerCooperative).Select(index => $"t{index}").ToArray();

        Assert.Equal(100, Assert.IsType<CooperativeCreated>(new Cooperative().DecideCreate("Bakery", atLimit, null, null, Founder, Now)).Topics.Count);
        AssertViolation(RuleViolationKind.Invalid, "too-many-topics", () => new Cooperative().DecideCreate("Bakery", [.. atLimit, "one-more"], null, null, Founder, Now));
    }

    [Fact]
    public void Adding_a_topic_beyond_the_limit_is_a_conflict_but_repeating_a_known_one_changes_nothing()
    {
        var cooperative = CreatedWith(new GovernanceLimits { MaxTopicsPerCooperative = 2 }, "a");
        cooperative.Apply(cooperative.DecideAddTopic("b", Founder, Now)!);

        var violation = AssertViolation(RuleViolationKind.Conflict, "too-many-topics", () => cooperative.DecideAddTopic("c", Founder, Now));

        Assert.Null(violation.Field);
        Assert.Null(cooperative.DecideAddTopic("a", Founder, Now));
        Assert.Null(cooperative.DecideAddTopic("b", Founder, Now));
        Assert.Equal(["a", "b"], cooperative.Topics);
    }

    [Fact]
    public void A_topic_limit_of_zero_allows_a_cooperative_without_topics_only()
    {
        var limits = new GovernanceLimits { MaxTopicsPerCooperative = 0 };
        var cooperative = CreatedWith(limits);

        Assert.Empty(cooperative.Topics);
        AssertViolation(RuleViolationKind.Conflict, "too-many-topics", () => cooperative.DecideAddTopic("a", Founder, Now));
        AssertViolation(RuleViolationKind.Invalid, "too-many-topics", () => new Cooperative { Limits = limits }.DecideCreate("Bakery", ["a"], null, null, Founder, Now));
    }

    [Fact]
    public void A_proposal_title_is_measured_after_trimming_against_the_configured_limit()
    {
        var limits = new GovernanceLimits { MaxTitleLength = 5 };

        var created = Assert.IsType<DecisionCreated>(new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition("  Ovens  ", null, closesAt: Deadline), Decisions.DecisionScenario.Author, Now));
        Assert.Equal("Ovens", created.Title);

        var violation = AssertViolation(
            RuleViolationKind.Invalid, "invalid-title", () => new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition("Ovens!", null, closesAt: Deadline), Decisions.DecisionScenario.Author, Now));
        Assert.Equal("title", violation.Field);
    }

    [Fact]
    public void A_proposal_body_is_checked_against_the_configured_limit()
    {
        var limits = new GovernanceLimits { MaxBodyLength = 10 };
        var atLimit = new string('b', 10);

        Assert.Equal(atLimit, Assert.IsType<DecisionCreated>(new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition("Oven", atLimit, closesAt: Deadline), Decisions.DecisionScenario.Author, Now)).Body);
        AssertInvalid("invalid-body", "body", () => new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition("Oven", atLimit + "b", closesAt: Deadline), Decisions.DecisionScenario.Author, Now));
    }

    [Fact]
    public void A_body_limit_of_zero_allows_only_an_empty_or_missing_body()
    {
        var limits = new GovernanceLimits { MaxBodyLength = 0 };

        Assert.Equal("", Assert.IsType<DecisionCreated>(new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition("Oven", "", closesAt: Deadline), Decisions.DecisionScenario.Author, Now)).Body);
        Assert.Null(Assert.IsType<DecisionCreated>(new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition("Oven", null, closesAt: Deadline), Decisions.DecisionScenario.Author, Now)).Body);
        AssertInvalid("invalid-body", "body", () => new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition("Oven", "x", closesAt: Deadline), Decisions.DecisionScenario.Author, Now));
    }

    [Fact]
    public void Raised_title_and_body_limits_accept_what_the_defaults_refuse()
    {
        var limits = new GovernanceLimits { MaxTitleLength = 300, MaxBodyLength = 30_000 };
        var title = new string('t', 300);
        var body = new string('b', 30_000);

        var created = Assert.IsType<DecisionCreated>(new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate("bakery", Decisions.ProposalScenario.Definition(title, body, closesAt: Deadline), Decisions.DecisionScenario.Author, Now));

        Assert.Equal((title, body), (created.Title, created.Body));
        AssertInvalid("invalid-title", "title", () => new Decision(DecisionKind.Proposal).DecideCreate("bakery", Decisions.ProposalScenario.Definition(title, null, closesAt: Deadline), Decisions.DecisionScenario.Author, Now));
        AssertInvalid("invalid-body", "body", () => new Decision(DecisionKind.Proposal).DecideCreate("bakery", Decisions.ProposalScenario.Definition("Oven", body, closesAt: Deadline), Decisions.DecisionScenario.Author, Now));
    }

    [Fact]
    public void ResourceId_takes_an_optional_maximum_length()
    {
        var nine = new string('a', 9);

        Assert.True(ResourceId.IsValid(new string('a', 64)));
        Assert.False(ResourceId.IsValid(new string('a', 65)));
        Assert.True(ResourceId.IsValid(nine, 9));
        Assert.False(ResourceId.IsValid(nine, 8));
        Assert.Equal(nine, ResourceId.Require(nine, "id", 9));

        var violation = Assert.Throws<RuleViolationException>(() => ResourceId.Require(nine, "id", 8));
        Assert.Equal((RuleViolationKind.Invalid, "invalid-id", "id"), (violation.Kind, violation.Code, violation.Field));
        Assert.Contains("1-8", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lower_id_limit_rejects_longer_member_founder_and_topic_ids()
    {
        var limits = new GovernanceLimits { MaxIdLength = 8 };
        var eight = new string('a', 8);
        var nine = new string('a', 9);
        var cooperative = CreatedWith(limits);

        Assert.Equal(new MemberJoined(Now, eight, null, Founder), cooperative.DecideAddMember(eight, null, Founder, Now));
        AssertInvalid("invalid-id", "id", () => cooperative.DecideAddMember(nine, null, Founder, Now));
        Assert.Equal(new TopicAdded(Now, eight, Founder), cooperative.DecideAddTopic(eight, Founder, Now));
        AssertInvalid("invalid-id", "topic", () => cooperative.DecideAddTopic(nine, Founder, Now));
        AssertInvalid("invalid-id", "founderId", () => new Cooperative { Limits = limits }.DecideCreate("Bakery", null, null, null, nine, Now));
        AssertInvalid("invalid-id", "topics", () => new Cooperative { Limits = limits }.DecideCreate("Bakery", [nine], null, null, Founder, Now));
        Assert.IsType<CooperativeCreated>(new Cooperative { Limits = limits }.DecideCreate("Bakery", [eight], null, null, eight, Now));
    }

    [Fact]
    public void The_default_id_limit_is_64()
    {
        var cooperative = Created();

        Assert.NotNull(cooperative.DecideAddMember(new string('a', 64), null, Founder, Now));
        AssertInvalid("invalid-id", "id", () => cooperative.DecideAddMember(new string('a', 65), null, Founder, Now));
    }

    [Fact]
    public void A_lower_name_limit_applies_to_cooperative_member_and_app_key_names()
    {
        var limits = new GovernanceLimits { MaxNameLength = 5 };
        var cooperative = new Cooperative { Limits = limits };
        var created = Assert.IsType<CooperativeCreated>(cooperative.DecideCreate(" Bread ", null, null, null, Founder, Now));
        cooperative.Apply(created);

        Assert.Equal("Bread", created.Name);
        AssertInvalid("invalid-name", "name", () => new Cooperative { Limits = limits }.DecideCreate("Bakery", null, null, null, Founder, Now));
        Assert.Equal(new MemberJoined(Now, "ann", "Annie", Founder), cooperative.DecideAddMember("ann", "Annie", Founder, Now));
        AssertInvalid("invalid-name", "name", () => cooperative.DecideAddMember("ann", "Annabel", Founder, Now));
        Assert.Equal("Board", Assert.IsType<AppKeyIssued>(cooperative.DecideIssueAppKey("k1", "Board", ["read"], Hash, Founder, Now)).Name);
        AssertInvalid("invalid-name", "name", () => cooperative.DecideIssueAppKey("k1", "Dashboard", ["read"], Hash, Founder, Now));
    }

    [Theory]
    [InlineData(0, 200, 200, 0, 0, 0, "MaxIdLength")]
    [InlineData(65, 200, 200, 0, 0, 0, "MaxIdLength")]
    [InlineData(64, 0, 200, 0, 0, 0, "MaxNameLength")]
    [InlineData(64, 200, 0, 0, 0, 0, "MaxTitleLength")]
    [InlineData(64, 200, 200, -1, 0, 0, "MaxBodyLength")]
    [InlineData(64, 200, 200, 0, -1, 0, "MaxTopicsPerCooperative")]
    [InlineData(64, 200, 200, 0, 0, -1, "MaxActiveAppKeysPerCooperative")]
    public void Validate_rejects_unusable_limits(int id, int name, int title, int body, int topics, int keys, string parameter)
    {
        var limits = new GovernanceLimits
        {
            MaxIdLength = id,
            MaxNameLength = name,
            MaxTitleLength = title,
            MaxBodyLength = body,
            MaxTopicsPerCooperative = topics,
            MaxActiveAppKeysPerCooperative = keys,
        };

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(limits.Validate).ParamName);
    }

    [Fact]
    public void Validate_accepts_the_smallest_usable_limits()
    {
        var limits = new GovernanceLimits
        {
            MaxIdLength = 1,
            MaxNameLength = 1,
            MaxTitleLength = 1,
            MaxBodyLength = 0,
            MaxTopicsPerCooperative = 0,
            MaxActiveAppKeysPerCooperative = 0,
        };

        limits.Validate();
        GovernanceLimits.Default.Validate();
    }
}
