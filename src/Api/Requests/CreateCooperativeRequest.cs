namespace Governance.Api.Requests;

/// <summary>A new cooperative. The id is generated when left out; quorum defaults to 0 and threshold to 0.5.</summary>
public sealed record CreateCooperativeRequest(string? Id, string Name, IReadOnlyList<string>? Topics, double? Quorum, double? Threshold);
