using Governance.Domain.Rules;

namespace Governance.Domain.Voting;

/// <summary>
/// The rule for members who leave a cooperative while a decision is open: their ballot is withdrawn and every
/// decision-scope delegation from or to them ends (the cooperative ends their default and topic delegations). They
/// stay in the eligible count, which is fixed at opening, so their weight is simply not counted. Closed decisions
/// are untouched.
/// </summary>
public static class DepartedMembers
{
    /// <summary>
    /// The members a decision still holds a ballot or a delegation (from or to them) for whose membership has ended,
    /// by the membership the decision means (see <see cref="EligibleRoster.MembershipOf"/>). O(ballots + delegations).
    /// </summary>
    public static IReadOnlyList<string> Among(
        EligibleRoster roster, bool[] currentMemberships, IEnumerable<string> voters, IReadOnlyDictionary<string, string?> delegations)
    {
        var departed = new SortedSet<string>(StringComparer.Ordinal);
        void Check(string memberId)
        {
            var index = roster.MembershipOf(memberId);
            if (index >= 0 && index < currentMemberships.Length && !currentMemberships[index])
            {
                departed.Add(memberId);
            }
        }

        foreach (var voter in voters)
        {
            Check(voter);
        }

        foreach (var (memberId, delegateId) in delegations)
        {
            Check(memberId);
            if (delegateId is not null)
            {
                Check(delegateId);
            }
        }

        return [.. departed];
    }

    /// <summary>
    /// Whether a departure changes a decision. While voting it bars the member for good, once; in discussion it only
    /// ends what they hold, since the eligible set is not fixed yet; a closed decision is untouched.
    /// </summary>
    public static bool Changes(
        bool voting, bool inDiscussion, IReadOnlySet<string> left, string memberId, bool hasBallot, IReadOnlyDictionary<string, string?> delegations) =>
        voting ? !left.Contains(memberId)
        : inDiscussion && (hasBallot || delegations.ContainsKey(memberId) || delegations.Values.Contains(memberId));

    /// <summary>Refuses a member who left while the decision was voting.</summary>
    public static void RequireNotLeft(IReadOnlySet<string> left, string memberId, string decision)
    {
        if (left.Contains(memberId))
        {
            throw RuleViolationException.Conflict(
                "member-left", $"'{memberId}' left the cooperative while this {decision} was voting, so they take no further part in it.");
        }
    }

    /// <summary>Refuses a delegation to a member who left while the decision was voting.</summary>
    public static void RequireDelegateNotLeft(IReadOnlySet<string> left, string? delegateId)
    {
        if (delegateId is not null && left.Contains(delegateId))
        {
            throw RuleViolationException.Invalid(
                "delegate-left", $"'{delegateId}' left the cooperative while voting was open, so no one can delegate to them here.", "delegateId");
        }
    }

    /// <summary>Ends every decision-scope delegation from or to the member, so those who had delegated to them fall back to broader scopes.</summary>
    public static void EndDelegations(Dictionary<string, string?> delegations, string memberId)
    {
        delegations.Remove(memberId);
        foreach (var (from, delegateId) in delegations)
        {
            if (delegateId == memberId)
            {
                delegations.Remove(from);
            }
        }
    }
}
