using Governance.Domain.Rules;

namespace Governance.Domain.Decisions;

/// <summary>
/// The one number some methods need: the highest score (score), the credit budget (quadratic) or the point
/// budget (dot). Each has a default; the ranked and approval methods take none.
/// </summary>
public static class MethodParameter
{
    public const int DefaultMaxScore = 5;
    public const int DefaultCreditBudget = 100;
    public const int DefaultPointBudget = 10;

    /// <summary>Large enough for any real ballot, small enough that weighted sums stay exact.</summary>
    public const int Max = 1_000_000;

    /// <summary>The method's parameter from whichever of the three was given; 0 for methods that take none.</summary>
    public static int Resolve(CountingMethod method, int? maxScore, int? creditBudget, int? pointBudget)
    {
        RefuseUnless(method == CountingMethod.Score, maxScore, "maxScore", method);
        RefuseUnless(method == CountingMethod.Quadratic, creditBudget, "creditBudget", method);
        RefuseUnless(method == CountingMethod.Dot, pointBudget, "pointBudget", method);
        return method switch
        {
            CountingMethod.Majority or CountingMethod.Schulze or CountingMethod.Borda or CountingMethod.Approval => 0,
            CountingMethod.Score => InRange(maxScore ?? DefaultMaxScore, "invalid-max-score", "maxScore"),
            CountingMethod.Quadratic => InRange(creditBudget ?? DefaultCreditBudget, "invalid-budget", "creditBudget"),
            CountingMethod.Dot => InRange(pointBudget ?? DefaultPointBudget, "invalid-budget", "pointBudget"),
            _ => throw RuleViolationException.Invalid(
                "invalid-method", "'method' must be schulze, borda, approval, score, quadratic or dot.", "method"),
        };
    }

    private static void RefuseUnless(bool belongs, int? value, string field, CountingMethod method)
    {
        if (value is not null && !belongs)
        {
            throw RuleViolationException.Invalid(
                "unexpected-parameter", $"'{field}' does not apply to the {method.ToString().ToLowerInvariant()} method.", field);
        }
    }

    private static int InRange(int value, string code, string field) =>
        value is >= 1 and <= Max
            ? value
            : throw RuleViolationException.Invalid(code, $"'{field}' must be between 1 and {Max}.", field);
}
