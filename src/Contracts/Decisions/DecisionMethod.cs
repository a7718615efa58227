namespace Governance.Contracts.Decisions;

/// <summary>How a decision counts: majority for proposals, one of six ranking methods for priority polls.</summary>
[GenerateSerializer]
public enum DecisionMethod
{
    Schulze = 1,
    Borda = 2,
    Approval = 3,
    Score = 4,
    Quadratic = 5,
    Dot = 6,
    Majority = 7,
}
