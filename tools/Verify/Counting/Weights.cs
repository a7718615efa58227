using Governance.Verify.Chains;

namespace Governance.Verify.Counting;

/// <summary>How many eligible members each direct voter carries, themselves included.</summary>
public static class Weights
{
    public static Dictionary<string, int> Of(IEnumerable<Chain> chains)
    {
        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chain in chains)
        {
            if (chain.CarriedBy is { } voter)
            {
                weights[voter] = weights.GetValueOrDefault(voter) + 1;
            }
        }

        return weights;
    }
}
