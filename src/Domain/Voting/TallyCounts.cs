namespace Governance.Domain.Voting;

/// <summary>Weights counted for one decision. Participation is every eligible member whose weight was counted.</summary>
public sealed record TallyCounts(int Eligible, int Yes, int No, int Abstain)
{
    public static readonly TallyCounts Empty = new(0, 0, 0, 0);

    public int Participation => Yes + No + Abstain;
}
