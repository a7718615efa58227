namespace Governance.Domain.Decisions;

/// <summary>A decision's lifecycle: discussion, then voting with a fixed eligible set, then closed with a frozen result.</summary>
public enum DecisionStatus : byte
{
    Discussion = 1,
    Voting = 2,
    Closed = 3,
}
