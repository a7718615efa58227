using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public sealed class DecisionRuleTests
{
    [Fact]
    public void Yes_exactly_at_the_threshold_is_rejected()
    {
        var rule = DecisionRule.Create(0, 0.5);

        Assert.False(rule.Accepts(new TallyCounts(2, 1, 1, 0)));
        Assert.False(rule.Accepts(new TallyCounts(100, 50, 50, 0)));
    }

    [Fact]
    public void Yes_exactly_at_a_three_fifths_threshold_is_rejected_and_one_more_yes_is_accepted()
    {
        var rule = DecisionRule.Create(0, 0.6);

        Assert.False(rule.Accepts(new TallyCounts(5, 3, 2, 0)));
        Assert.True(rule.Accepts(new TallyCounts(6, 4, 2, 0)));
    }

    [Fact]
    public void Yes_just_above_the_threshold_is_accepted()
    {
        var rule = DecisionRule.Create(0, 0.5);

        Assert.True(rule.Accepts(new TallyCounts(101, 51, 50, 0)));
    }

    [Fact]
    public void Three_of_ten_meets_a_quorum_of_three_tenths()
    {
        var rule = DecisionRule.Create(0.3, 0.5);

        Assert.True(rule.QuorumReached(new TallyCounts(10, 3, 0, 0)));
        Assert.True(rule.Accepts(new TallyCounts(10, 3, 0, 0)));
        Assert.False(rule.QuorumReached(new TallyCounts(10, 2, 0, 0)));
        Assert.False(rule.Accepts(new TallyCounts(10, 2, 0, 0)));
    }

    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.2, 2)]
    [InlineData(0.3, 3)]
    [InlineData(0.6, 6)]
    [InlineData(0.7, 7)]
    [InlineData(0.9, 9)]
    [InlineData(1.0, 10)]
    public void A_decimal_quorum_of_ten_is_met_by_exactly_that_many_participants(double quorum, int participants)
    {
        var rule = DecisionRule.Create(quorum, 0.5);

        Assert.True(rule.QuorumReached(new TallyCounts(10, 0, 0, participants)));
        Assert.False(rule.QuorumReached(new TallyCounts(10, 0, 0, participants - 1)));
    }

    [Fact]
    public void Abstentions_count_for_the_quorum_but_not_for_the_threshold()
    {
        var rule = DecisionRule.Create(0.5, 0.5);
        var counts = new TallyCounts(10, 2, 1, 3);

        Assert.Equal(6, counts.Participation);
        Assert.True(rule.QuorumReached(counts));
        Assert.True(rule.Accepts(counts));
        Assert.False(rule.Accepts(counts with { Yes = 1 }));
    }

    [Fact]
    public void Abstain_only_reaches_the_quorum_but_is_never_accepted()
    {
        var rule = DecisionRule.Create(0.5, 0);
        var counts = new TallyCounts(4, 0, 0, 4);

        Assert.True(rule.QuorumReached(counts));
        Assert.False(rule.Accepts(counts));
    }

    [Fact]
    public void Zero_eligible_reaches_only_a_zero_quorum_and_is_never_accepted()
    {
        Assert.True(DecisionRule.Create(0, 0.5).QuorumReached(TallyCounts.Empty));
        Assert.False(DecisionRule.Create(0, 0.5).Accepts(TallyCounts.Empty));
        Assert.False(DecisionRule.Create(0.01, 0.5).QuorumReached(TallyCounts.Empty));
    }

    [Fact]
    public void A_clear_majority_below_the_quorum_is_rejected()
    {
        var rule = DecisionRule.Create(0.5, 0.5);

        Assert.False(rule.Accepts(new TallyCounts(10, 4, 0, 0)));
    }

    [Fact]
    public void A_zero_threshold_accepts_any_yes_but_not_none()
    {
        var rule = DecisionRule.Create(0, 0);

        Assert.True(rule.Accepts(new TallyCounts(101, 1, 100, 0)));
        Assert.False(rule.Accepts(new TallyCounts(5, 0, 5, 0)));
    }

    [Fact]
    public void The_default_rule_has_no_quorum_and_a_simple_majority()
    {
        Assert.Equal(new DecisionRule(0, 0.5), DecisionRule.Default);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void A_quorum_outside_zero_to_one_is_invalid(double quorum)
    {
        var violation = Assert.Throws<RuleViolationException>(() => DecisionRule.Create(quorum, 0.5));

        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal("invalid-quorum", violation.Code);
        Assert.Equal("quorum", violation.Field);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_threshold_below_zero_or_at_one_or_above_is_invalid(double threshold)
    {
        var violation = Assert.Throws<RuleViolationException>(() => DecisionRule.Create(0.5, threshold));

        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal("invalid-threshold", violation.Code);
        Assert.Equal("threshold", violation.Field);
    }

    [Fact]
    public void The_bounds_themselves_are_valid()
    {
        Assert.Equal(new DecisionRule(1, 0), DecisionRule.Create(1, 0));
        Assert.Equal(new DecisionRule(0, 0.99), DecisionRule.Create(0, 0.99));
    }
}
