using Governance.Contracts.Cooperatives;
using Governance.Domain.Voting;

namespace Governance.Grains.Cooperatives;

/// <summary>
/// A decision's copy of its cooperative's snapshot (a proposal's or a poll's): the delegation layers of its topic
/// and the roster, with who is eligible at the roster version fixed when voting opened.
/// </summary>
public sealed class DecisionSnapshotCopy
{
    public DecisionSnapshot? Snapshot { get; private set; }

    public EligibleRoster? Roster { get; private set; }

    /// <summary>One call to the cooperative, which answers with nothing when this copy is current; true when the copy changed.</summary>
    public async Task<bool> RefreshAsync(ICooperativeGrain cooperative, string? topic, long rosterVersion)
    {
        var fresh = await cooperative.GetDecisionSnapshot(topic, rosterVersion, Snapshot?.Version ?? -1);
        if (fresh is null || fresh.Version <= Snapshot?.Version)
        {
            // Unchanged, or overtaken by a concurrent refresh that brought a newer one.
            return false;
        }

        if (Roster is null || Roster.MemberIds.Length != fresh.MemberIds.Length)
        {
            // Eligibility at a fixed roster version never changes, and ids are only appended, so the roster is rebuilt only when it grew.
            Roster = new EligibleRoster(fresh.MemberIds, fresh.Eligible);
        }

        Snapshot = fresh;
        return true;
    }
}
