namespace Governance.Api.Requests;

/// <summary>A review: approve the work, or reject it back to the member who did it.</summary>
/// <param name="Approved">true accepts the work; false sends the task back to the member who did it; required.</param>
/// <param name="Note">What the reviewer says about the work; optional.</param>
public sealed record ReviewTaskRequest(bool? Approved, string? Note);
