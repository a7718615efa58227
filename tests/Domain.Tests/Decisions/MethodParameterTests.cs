using Governance.Domain.Decisions;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

public sealed class MethodParameterTests
{
    [Fact]
    public void Each_ranking_method_has_its_documented_default()
    {
        Assert.Equal(
            [0, 0, 0, 5, 100, 10],
            Enum.GetValues<CountingMethod>().Where(method => method != CountingMethod.Majority).Select(method => MethodParameter.Resolve(method, null, null, null)));
    }

    [Fact]
    public void Majority_takes_no_parameter()
    {
        Assert.Equal(0, MethodParameter.Resolve(CountingMethod.Majority, null, null, null));
        AssertInvalid("unexpected-parameter", "maxScore", () => MethodParameter.Resolve(CountingMethod.Majority, 5, null, null));
        AssertInvalid("unexpected-parameter", "creditBudget", () => MethodParameter.Resolve(CountingMethod.Majority, null, 5, null));
        AssertInvalid("unexpected-parameter", "pointBudget", () => MethodParameter.Resolve(CountingMethod.Majority, null, null, 5));
    }

    [Fact]
    public void A_given_parameter_is_used_within_range()
    {
        Assert.Equal(
            (1, 1_000_000, 7),
            (MethodParameter.Resolve(CountingMethod.Score, 1, null, null),
             MethodParameter.Resolve(CountingMethod.Quadratic, null, 1_000_000, null),
             MethodParameter.Resolve(CountingMethod.Dot, null, null, 7)));
    }

    [Fact]
    public void A_parameter_out_of_range_is_invalid()
    {
        AssertInvalid("invalid-max-score", "maxScore", () => MethodParameter.Resolve(CountingMethod.Score, 0, null, null));
        AssertInvalid("invalid-budget", "creditBudget", () => MethodParameter.Resolve(CountingMethod.Quadratic, null, 1_000_001, null));
        AssertInvalid("invalid-budget", "pointBudget", () => MethodParameter.Resolve(CountingMethod.Dot, null, null, -1));
    }

    [Fact]
    public void A_parameter_of_another_method_is_invalid()
    {
        AssertInvalid("unexpected-parameter", "maxScore", () => MethodParameter.Resolve(CountingMethod.Schulze, 5, null, null));
        AssertInvalid("unexpected-parameter", "creditBudget", () => MethodParameter.Resolve(CountingMethod.Dot, null, 5, null));
        AssertInvalid("unexpected-parameter", "pointBudget", () => MethodParameter.Resolve(CountingMethod.Score, null, null, 5));
    }

    [Fact]
    public void An_unknown_method_is_invalid()
    {
        AssertInvalid("invalid-method", "method", () => MethodParameter.Resolve((CountingMethod)99, null, null, null));
    }
}
