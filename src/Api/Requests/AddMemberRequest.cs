namespace Governance.Api.Requests;

/// <summary>A member to add to the cooperative, in the role of member.</summary>
/// <param name="Id">The member's id, the subject of their token: 1–64 letters, digits, '-', '_' or '.'.</param>
/// <param name="Name">A display name, up to 200 characters; optional.</param>
public sealed record AddMemberRequest(string Id, string? Name);
