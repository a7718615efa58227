namespace Governance.Api.Requests;

/// <summary>A key for an app: a name to recognise it by, and what it may do (today only "read").</summary>
public sealed record IssueAppKeyRequest(string Name, IReadOnlyList<string>? Scopes);
