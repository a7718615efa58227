using Governance.Verify.Chains;
using Governance.Verify.Records;

namespace Governance.Verify.Counting;

/// <summary>A proposal's tally: every counted weight under its carrier's choice, then quorum and threshold.</summary>
public sealed record MajorityTally(int Eligible, int Yes, int No, int Abstain, bool QuorumReached, string Outcome)
{
    public int Participation => Yes + No + Abstain;
}

/// <summary>
/// The majority rule: the quorum is the share of eligible members whose weight was counted (an empty roster meets
/// only a quorum of 0); the proposal is accepted when the quorum is reached and yes / (yes + no) is above the threshold.
/// </summary>
public static class MajorityCount
{
    public static MajorityTally Count(AuditRecord record, IReadOnlyList<Chain> chains)
    {
        var choices = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var ballot in record.Ballots)
        {
            choices.TryAdd(ballot.MemberId, ballot.Choice);
        }

        int yes = 0, no = 0, abstain = 0;
        foreach (var chain in chains)
        {
            switch (chain.CarriedBy is { } voter ? choices[voter] : null)
            {
                case "yes": yes++; break;
                case "no": no++; break;
                case "abstain": abstain++; break;
            }
        }

        var eligible = chains.Count;
        var counted = yes + no + abstain;
        var quorum = record.Decision.Quorum ?? 0;
        var quorumReached = eligible == 0 ? quorum == 0 : (double)counted / eligible >= quorum;
        var accepted = quorumReached && yes + no > 0 && (double)yes / (yes + no) > (record.Decision.Threshold ?? 0);
        return new MajorityTally(eligible, yes, no, abstain, quorumReached, accepted ? "accepted" : "rejected");
    }
}
