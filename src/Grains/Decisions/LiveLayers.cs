using Governance.Contracts.Cooperatives;
using Governance.Domain.Cooperatives;
using Governance.Domain.Decisions;

namespace Governance.Grains.Decisions;

/// <summary>
/// Keeps a voting decision's live count following its cooperative: the whole layers once, when the count starts
/// (after activation, or when the cooperative no longer reaches back to the version the count knows), and after that
/// only the entries that changed, asked before every count, so that a message is O(change) and not O(members).
/// </summary>
internal sealed class LiveLayers(Func<ICooperativeGrain> cooperative)
{
    private Task<IReadOnlyList<DepartedMembership>>? _starting;

    /// <summary>Brings the count up to the cooperative's layers now; returns the memberships that ended since the count last looked.</summary>
    public async Task<IReadOnlyList<DepartedMembership>> CatchUpAsync(Decision decision)
    {
        if (decision.Live is not { } live)
        {
            return await StartOnceAsync(decision);
        }

        var changes = await cooperative().GetLayerChanges(decision.Topic, RosterVersion(decision), live.Version);
        if (changes is null)
        {
            return [];
        }

        if (changes.Rebase)
        {
            return await StartOnceAsync(decision);
        }

        // The count in place now, which a restart meanwhile may have replaced; it ignores changes older than it knows.
        decision.Live?.Follow(changes.Version, changes.Members, changes.Entries, changes.AtTopic);
        return ToDomain(changes.Departed);
    }

    /// <summary>Starts the count when there is none yet, so that eligibility can be read from it.</summary>
    public async Task<IReadOnlyList<DepartedMembership>> StartedAsync(Decision decision) =>
        decision.Live is null ? await StartOnceAsync(decision) : [];

    /// <summary>
    /// Maps ids the count has not heard of to roster indices, before a command that names them is decided. The check
    /// runs again after every answer, since a restart of the count during the call replaces what was mapped.
    /// </summary>
    public async Task MapAsync(Decision decision, params string?[] memberIds)
    {
        while (decision.Live is { } live && live.Unmapped(memberIds.OfType<string>()) is { Length: > 0 } unmapped)
        {
            live.Map(unmapped, await cooperative().GetMemberships(unmapped, RosterVersion(decision)));
        }
    }

    private Task<IReadOnlyList<DepartedMembership>> StartOnceAsync(Decision decision)
    {
        if (_starting is null || _starting.IsCompleted)
        {
            _starting = StartAsync(decision);
        }

        return _starting;
    }

    private async Task<IReadOnlyList<DepartedMembership>> StartAsync(Decision decision)
    {
        var rosterVersion = RosterVersion(decision);
        var layers = await cooperative().GetDecisionLayers(decision.Topic, rosterVersion);
        var memberships = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] unmapped;
        while ((unmapped = [.. decision.HeldMemberIds.Where(memberId => !memberships.ContainsKey(memberId))]).Length > 0)
        {
            var indices = await cooperative().GetMemberships(unmapped, rosterVersion);
            for (var i = 0; i < unmapped.Length; i++)
            {
                memberships[unmapped[i]] = indices[i];
            }
        }

        if (decision.Status != DecisionStatus.Voting || decision.Live?.Version >= layers.Version)
        {
            // Closed meanwhile, or another start brought newer layers.
            return [];
        }

        decision.StartLiveCount(layers.Eligible, layers.Entries, layers.AtTopic, layers.Version, memberships);
        return ToDomain(layers.Departed);
    }

    private static long RosterVersion(Decision decision) =>
        decision.RosterVersion ?? throw new InvalidOperationException("Voting has not opened.");

    private static DepartedMembership[] ToDomain(IReadOnlyList<DepartedMembershipView> departed) =>
        [.. departed.Select(membership => new DepartedMembership(membership.Index, membership.MemberId))];
}
