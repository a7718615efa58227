using Governance.Contracts.Decisions;

namespace Governance.Contracts.Priorities;

/// <summary>A priority poll's method is a decision method other than majority.</summary>
public static class PriorityMethods
{
    public static DecisionMethod ToDecisionMethod(this PriorityMethod method) => method switch
    {
        PriorityMethod.Schulze => DecisionMethod.Schulze,
        PriorityMethod.Borda => DecisionMethod.Borda,
        PriorityMethod.Approval => DecisionMethod.Approval,
        PriorityMethod.Score => DecisionMethod.Score,
        PriorityMethod.Quadratic => DecisionMethod.Quadratic,
        PriorityMethod.Dot => DecisionMethod.Dot,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static PriorityMethod ToPriorityMethod(this DecisionMethod method) => method switch
    {
        DecisionMethod.Schulze => PriorityMethod.Schulze,
        DecisionMethod.Borda => PriorityMethod.Borda,
        DecisionMethod.Approval => PriorityMethod.Approval,
        DecisionMethod.Score => PriorityMethod.Score,
        DecisionMethod.Quadratic => PriorityMethod.Quadratic,
        DecisionMethod.Dot => PriorityMethod.Dot,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"A priority poll is not counted by {method}."),
    };
}
