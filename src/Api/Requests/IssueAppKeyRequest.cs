namespace Governance.Api.Requests;

/// <summary>A key for an app: a name to recognise it by, and what it may do (today only "read").</summary>
/// <param name="Name">A name to recognise the app by, such as "dashboard".</param>
/// <param name="Scopes">What the key may do: one or more scopes, of which there is today only "read"; required.</param>
public sealed record IssueAppKeyRequest(string Name, IReadOnlyList<string>? Scopes);
