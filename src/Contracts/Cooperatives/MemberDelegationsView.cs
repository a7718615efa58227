namespace Governance.Contracts.Cooperatives;

/// <summary>A member's cooperative-level delegations: the default entry (null when none) and one entry per topic that has one.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.MemberDelegationsView")]
public sealed record MemberDelegationsView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] DelegationView? Default,
    [property: Id(2)] IReadOnlyDictionary<string, DelegationView> Topics);
