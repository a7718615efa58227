using System.Text.Json;

namespace Governance.Verify.Records;

/// <summary>
/// An audit record as read from its JSON (docs/audit.md): the decision and its rule, the eligible members, the
/// delegations counted at each scope (a null delegate is an explicit "none"), the ballots, the result the server
/// counted and the digest it sealed the record with. <see cref="Json"/> is the whole record as read, for the digest.
/// </summary>
public sealed record AuditRecord(
    AuditedDecision Decision,
    IReadOnlyList<string> Eligible,
    IReadOnlyDictionary<Scope, IReadOnlyDictionary<string, string?>> Delegations,
    IReadOnlyList<Ballot> Ballots,
    JsonElement Result,
    string Digest,
    JsonElement Json);

/// <summary>
/// The decision: <see cref="Kind"/> "proposal" or "poll", its counting method and the method's parameters. A proposal
/// has a quorum and a threshold; a poll has items, in the order that lists tied items.
/// </summary>
public sealed record AuditedDecision(
    string Kind,
    string Id,
    string CooperativeId,
    string? Topic,
    string Method,
    IReadOnlyDictionary<string, long> Parameters,
    double? Quorum,
    double? Threshold,
    IReadOnlyList<Item> Items);

public sealed record Item(string Id, string Title);

/// <summary>A direct ballot as cast: exactly one of its marks is set, the one its decision's method reads.</summary>
public sealed record Ballot(
    string MemberId,
    string? Choice,
    IReadOnlyList<IReadOnlyList<string>>? Ranking,
    IReadOnlyList<string>? Approved,
    IReadOnlyList<Allocation>? Allocations);

/// <summary>A score, quadratic votes or dot points given to one item.</summary>
public sealed record Allocation(string Item, long Amount);

/// <summary>The scopes a delegation is set at, from the most specific: the decision's own, its topic's, the cooperative's default.</summary>
public enum Scope
{
    Decision,
    Topic,
    Default,
}
