namespace Governance.Api.Requests;

/// <summary>The delegate at this scope; null is an explicit "no delegation" that blocks broader scopes.</summary>
public sealed record SetDelegationRequest(string? DelegateId);
