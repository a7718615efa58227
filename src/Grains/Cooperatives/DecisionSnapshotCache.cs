using Governance.Contracts.Cooperatives;
using Governance.Domain.Cooperatives;

namespace Governance.Grains.Cooperatives;

/// <summary>
/// Decision snapshots built at the current delegation version, shared by every proposal that asks for the same
/// topic and roster version. Building one is linear in the roster, so it happens once per change, not per proposal.
/// </summary>
internal sealed class DecisionSnapshotCache
{
    private readonly Dictionary<(string? Topic, long RosterVersion), DecisionSnapshot> _built = [];
    private long _builtAtVersion = -1;

    public DecisionSnapshot Get(Cooperative cooperative, string? topic, long rosterVersion)
    {
        if (_builtAtVersion != cooperative.DelegationVersion)
        {
            _built.Clear();
            _builtAtVersion = cooperative.DelegationVersion;
        }

        if (!_built.TryGetValue((topic, rosterVersion), out var snapshot))
        {
            var roster = cooperative.RosterAt(rosterVersion);
            snapshot = new DecisionSnapshot(
                cooperative.DelegationVersion,
                roster.MemberIds,
                roster.Eligible,
                cooperative.DefaultLayer(),
                topic is null ? null : cooperative.TopicLayer(topic),
                cooperative.CurrentMemberships());
            _built[(topic, rosterVersion)] = snapshot;
        }

        return snapshot;
    }
}
