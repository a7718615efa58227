using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// A closed decision as an auditor reads it, by member id alone: the eligible members, every delegation that was
/// counted at each scope (a null delegate is an explicit "none"), every ballot and the frozen result. Only
/// delegations from eligible members are counted, since a chain that reaches anyone else loses the weight there;
/// members who left while voting stay eligible with nothing left to their name, so the record resolves as the tally did.
/// </summary>
public sealed record DecisionAudit(
    IReadOnlyList<string> Eligible,
    IReadOnlyDictionary<string, string?> DefaultDelegations,
    IReadOnlyDictionary<string, string?> TopicDelegations,
    IReadOnlyDictionary<string, string?> DecisionDelegations,
    IReadOnlyList<DecisionBallot> Ballots,
    DecisionResult Result)
{
    /// <summary>Linear in the roster, the layers' entries and the decision's own delegations.</summary>
    public static DecisionAudit Of(
        EligibleRoster roster,
        ClosingLayers layers,
        IReadOnlyDictionary<string, string?> decisionDelegations,
        IEnumerable<DecisionBallot> ballots,
        DecisionResult result)
    {
        var eligible = new SortedSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < roster.MemberIds.Length; index++)
        {
            if (roster.Eligible[index])
            {
                eligible.Add(roster.MemberIds[index]);
            }
        }

        var atDecision = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (memberId, delegateId) in decisionDelegations)
        {
            if (roster.IsEligible(memberId))
            {
                atDecision[memberId] = delegateId;
            }
        }

        return new DecisionAudit(
            [.. eligible],
            ByMemberId(roster, layers.DefaultLayer),
            layers.TopicLayer is { } topicLayer ? ByMemberId(roster, topicLayer) : new SortedDictionary<string, string?>(StringComparer.Ordinal),
            atDecision,
            [.. ballots],
            result);
    }

    /// <summary>A layer's entries from eligible members, by id; a layer never points past the roster that holds it.</summary>
    private static SortedDictionary<string, string?> ByMemberId(EligibleRoster roster, int[] layer)
    {
        var entries = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var index = 0; index < Math.Min(layer.Length, roster.MemberIds.Length); index++)
        {
            var entry = layer[index];
            if (!roster.Eligible[index] || entry == DelegationEntry.None)
            {
                continue;
            }

            entries[roster.MemberIds[index]] = entry == DelegationEntry.Blocked
                ? null
                : roster.MemberIdAt(entry) ?? throw new InvalidOperationException($"A delegation layer points at index {entry}, past the roster.");
        }

        return entries;
    }
}
