namespace Governance.Api.Requests;

public sealed record AddMemberRequest(string Id, string? Name);
