namespace Governance.Domain.Decisions;

/// <summary>
/// How a decision counts its weighted ballots. Majority reads yes/no/abstain against a quorum and threshold; the
/// others rank the decision's items, each reading one shape of ballot. Stored by name, so the numbers may change.
/// </summary>
public enum CountingMethod : byte
{
    /// <summary>Yes, no or abstain; accepted when the quorum is reached and yes beats the threshold.</summary>
    Majority = 7,

    /// <summary>Ranked ballots, Schulze method with winning votes.</summary>
    Schulze = 1,

    /// <summary>Ranked ballots, Borda count with ties.</summary>
    Borda = 2,

    /// <summary>A set of approved items per ballot.</summary>
    Approval = 3,

    /// <summary>A score from 0 to the decision's maximum per item.</summary>
    Score = 4,

    /// <summary>Votes for or against items, costing their square in credits from the decision's budget.</summary>
    Quadratic = 5,

    /// <summary>Points spread over items from the decision's budget.</summary>
    Dot = 6,
}
