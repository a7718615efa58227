namespace Governance.Api.Requests;

/// <summary>A new proposal. Quorum and threshold default to the cooperative's; without closesAt it closes only by request.</summary>
public sealed record CreateProposalRequest(string? Id, string Title, string? Body, string? Topic, DateTimeOffset? ClosesAt, double? Quorum, double? Threshold);
