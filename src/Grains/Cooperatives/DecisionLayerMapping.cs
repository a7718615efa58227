using Governance.Contracts.Cooperatives;
using Governance.Domain.Cooperatives;

namespace Governance.Grains.Cooperatives;

/// <summary>The cooperative's layers for a decision, as they cross the wire; the arrays are passed on, not copied.</summary>
internal static class DecisionLayerMapping
{
    public static DecisionLayersView ToView(this DecisionLayerBase layers) =>
        new(layers.Version, layers.Eligible, layers.Entries, layers.AtTopic, ToViews(layers.Departed));

    public static LayerChangesView ToView(this DecisionLayerChanges changes) =>
        new(changes.Version, changes.Members, changes.Entries, changes.AtTopic, ToViews(changes.Departed));

    private static DepartedMembershipView[] ToViews(IReadOnlyList<DepartedMembership> departed) =>
        [.. departed.Select(membership => new DepartedMembershipView(membership.Index, membership.MemberId))];
}
