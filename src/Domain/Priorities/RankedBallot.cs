namespace Governance.Domain.Priorities;

/// <summary>
/// Ranks from most to least preferred; items in one rank are tied. Items left out are tied below every ranked one.
/// <paramref name="Weight"/> is the number of members whose delegation chain ends at this voter.
/// </summary>
public sealed record RankedBallot(IReadOnlyList<IReadOnlyList<string>> Ranks, int Weight = 1);
