namespace Governance.Api.Requests;

/// <summary>A review: approve the work, or reject it back to the member who did it.</summary>
public sealed record ReviewTaskRequest(bool? Approved, string? Note);
