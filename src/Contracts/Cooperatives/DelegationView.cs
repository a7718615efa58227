namespace Governance.Contracts.Cooperatives;

/// <summary>One delegation entry: the delegate, or null for an explicit "no delegation" at that scope.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DelegationView")]
public sealed record DelegationView([property: Id(0)] string? DelegateId);
