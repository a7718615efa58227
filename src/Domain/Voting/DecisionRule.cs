using Governance.Domain.Rules;

namespace Governance.Domain.Voting;

/// <summary>
/// Quorum is the share of eligible members whose weight was counted; a proposal is accepted when the quorum
/// is reached and yes / (yes + no) is strictly above the threshold. Abstentions count for quorum only.
/// Both compare ratios, as users state them, so that 3 of 10 meets a quorum of 0.3 exactly.
/// </summary>
public sealed record DecisionRule(double Quorum, double Threshold)
{
    public static readonly DecisionRule Default = new(0, 0.5);

    public static DecisionRule Create(double quorum, double threshold)
    {
        if (double.IsNaN(quorum) || quorum < 0 || quorum > 1)
        {
            throw RuleViolationException.Invalid("invalid-quorum", "'quorum' must be between 0 and 1.", "quorum");
        }

        if (double.IsNaN(threshold) || threshold < 0 || threshold >= 1)
        {
            throw RuleViolationException.Invalid("invalid-threshold", "'threshold' must be at least 0 and below 1.", "threshold");
        }

        return new DecisionRule(quorum, threshold);
    }

    public bool QuorumReached(TallyCounts counts) =>
        counts.Eligible == 0
            ? Quorum == 0
            : (double)counts.Participation / counts.Eligible >= Quorum;

    public bool Accepts(TallyCounts counts)
    {
        var decisive = counts.Yes + counts.No;
        return QuorumReached(counts) && decisive > 0 && (double)counts.Yes / decisive > Threshold;
    }
}
