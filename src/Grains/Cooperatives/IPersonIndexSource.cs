using Governance.Domain.Cooperatives;

namespace Governance.Grains.Cooperatives;

/// <summary>What <see cref="PersonIndexCatchUp"/> needs of its cooperative grain.</summary>
public interface IPersonIndexSource
{
    string CooperativeId { get; }

    /// <summary>The version of the last event applied, durable or not.</summary>
    long AppliedVersion { get; }

    bool IsMember(string memberId);

    IAsyncEnumerable<(long Version, CooperativeEvent Event)> ReadDurableLog(long afterVersion);

    /// <summary>Completes once every event applied so far is durable.</summary>
    Task WhenDurable();

    /// <summary>Adds the cooperative to the person's memberships; throws when that fails, so the round is retried.</summary>
    Task StartMembership(string memberId, string? name);
}
