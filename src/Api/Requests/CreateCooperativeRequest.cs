namespace Governance.Api.Requests;

/// <summary>A new cooperative. The id is generated when left out; quorum defaults to 0 and threshold to 0.5.</summary>
/// <param name="Id">The cooperative's id: 1–64 letters, digits, '-', '_' or '.'; generated when left out.</param>
/// <param name="Name">The cooperative's name, up to 200 characters.</param>
/// <param name="Topics">The topics proposals, polls and delegations may name; more can be added later.</param>
/// <param name="Quorum">The default share of eligible members whose weight must be counted, from 0 to 1; 0 when left out.</param>
/// <param name="Threshold">The default share of yes among yes and no that a proposal must exceed, from 0 to 1; 0.5 when left out.</param>
public sealed record CreateCooperativeRequest(string? Id, string Name, IReadOnlyList<string>? Topics, double? Quorum, double? Threshold);
