namespace Governance.Domain.Priorities.Polls;

/// <summary>How a priority poll counts its ballots; each method reads one shape of ballot.</summary>
public enum PollMethod : byte
{
    /// <summary>Ranked ballots, Schulze method with winning votes.</summary>
    Schulze = 1,

    /// <summary>Ranked ballots, Borda count with ties.</summary>
    Borda = 2,

    /// <summary>A set of approved items per ballot.</summary>
    Approval = 3,

    /// <summary>A score from 0 to the poll's maximum per item.</summary>
    Score = 4,

    /// <summary>Votes for or against items, costing their square in credits from the poll's budget.</summary>
    Quadratic = 5,

    /// <summary>Points spread over items from the poll's budget.</summary>
    Dot = 6,
}
