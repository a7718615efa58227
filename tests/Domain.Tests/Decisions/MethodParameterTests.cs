using Governance.Domain.Priorities.Polls;
using static Governance.Domain.Tests.Priorities.Polls.PollScenario;

namespace Governance.Domain.Tests.Priorities.Polls;

public sealed class MethodParameterTests
{
    [Fact]
    public void Each_method_has_its_documented_default()
    {
        Assert.Equal(
            [0, 0, 0, 5, 100, 10],
            Enum.GetValues<PollMethod>().Select(method => MethodParameter.Resolve(method, null, null, null)));
    }

    [Fact]
    public void A_given_parameter_is_used_within_range()
    {
        Assert.Equal(
            (1, 1_000_000, 7),
            (MethodParameter.Resolve(PollMethod.Score, 1, null, null),
             MethodParameter.Resolve(PollMethod.Quadratic, null, 1_000_000, null),
             MethodParameter.Resolve(PollMethod.Dot, null, null, 7)));
    }

    [Fact]
    public void A_parameter_out_of_range_is_invalid()
    {
        AssertInvalid("invalid-max-score", "maxScore", () => MethodParameter.Resolve(PollMethod.Score, 0, null, null));
        AssertInvalid("invalid-budget", "creditBudget", () => MethodParameter.Resolve(PollMethod.Quadratic, null, 1_000_001, null));
        AssertInvalid("invalid-budget", "pointBudget", () => MethodParameter.Resolve(PollMethod.Dot, null, null, -1));
    }

    [Fact]
    public void A_parameter_of_another_method_is_invalid()
    {
        AssertInvalid("unexpected-parameter", "maxScore", () => MethodParameter.Resolve(PollMethod.Schulze, 5, null, null));
        AssertInvalid("unexpected-parameter", "creditBudget", () => MethodParameter.Resolve(PollMethod.Dot, null, 5, null));
        AssertInvalid("unexpected-parameter", "pointBudget", () => MethodParameter.Resolve(PollMethod.Score, null, null, 5));
    }

    [Fact]
    public void An_unknown_method_is_invalid()
    {
        AssertInvalid("invalid-method", "method", () => MethodParameter.Resolve((PollMethod)99, null, null, null));
    }
}
