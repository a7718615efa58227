namespace Governance.Domain.Cooperatives;

/// <summary>One delegation entry: the delegate's id, or null for an explicit "no delegation".</summary>
public sealed record DelegationTargetView(string? DelegateId);
