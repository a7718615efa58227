using Governance.Verify.Records;

namespace Governance.Verify.Chains;

/// <summary>
/// The liquid voting rule, followed member by member with nothing shared between walks: from a member, step to the
/// delegate of the most specific scope that has an entry (decision, then topic, then default; an explicit "none"
/// ends the chain there). The first member on the chain with a ballot carries the weight, so a direct vote
/// overrides one's own delegation. A chain that ends, loops or reaches someone not eligible loses it.
/// </summary>
public static class ChainFollower
{
    private static readonly Scope[] MostSpecificFirst = [Scope.Decision, Scope.Topic, Scope.Default];

    /// <summary>Every eligible member's chain, in the order of the eligible list (a member listed twice once).</summary>
    public static IReadOnlyList<Chain> FollowAll(AuditRecord record)
    {
        var eligible = new HashSet<string>(record.Eligible, StringComparer.Ordinal);
        var voters = new HashSet<string>(record.Ballots.Select(ballot => ballot.MemberId), StringComparer.Ordinal);
        return [.. record.Eligible.Distinct(StringComparer.Ordinal).Select(member => Follow(member, eligible, voters, record.Delegations))];
    }

    public static Chain Follow(
        string member,
        IReadOnlySet<string> eligible,
        IReadOnlySet<string> voters,
        IReadOnlyDictionary<Scope, IReadOnlyDictionary<string, string?>> delegations)
    {
        var hops = new List<Hop>();
        var passed = new HashSet<string>(StringComparer.Ordinal);
        var current = member;
        while (true)
        {
            if (!eligible.Contains(current))
            {
                return new Chain(member, hops, null, Loss.NotEligible);
            }

            if (!passed.Add(current))
            {
                return new Chain(member, hops, null, Loss.Loop);
            }

            if (voters.Contains(current))
            {
                return new Chain(member, hops, current, null);
            }

            var entry = MostSpecificFirst
                .Select(scope => (Scope: scope, Found: delegations[scope].TryGetValue(current, out var to), To: to))
                .FirstOrDefault(candidate => candidate.Found);
            if (!entry.Found || entry.To is null)
            {
                return new Chain(member, hops, null, Loss.NoDirectVoter);
            }

            hops.Add(new Hop(current, entry.To, entry.Scope));
            current = entry.To;
        }
    }
}
