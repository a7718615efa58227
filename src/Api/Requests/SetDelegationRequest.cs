namespace Governance.Api.Requests;

/// <summary>The delegate at this scope; null is an explicit "no delegation" that blocks broader scopes.</summary>
/// <param name="DelegateId">The member whose vote this member's vote follows at this scope; null for an explicit "none" that blocks the broader scopes.</param>
public sealed record SetDelegationRequest(string? DelegateId);
