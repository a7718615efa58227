namespace Governance.Domain.Voting;

/// <summary>The weight <paramref name="Voter"/>'s direct ballot carries went from <paramref name="Before"/> to <paramref name="After"/>.</summary>
public readonly record struct CarriedWeightChange(int Voter, int Before, int After)
{
    public int Difference => After - Before;
}
