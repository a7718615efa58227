namespace Governance.Api.Requests;

/// <summary>A new proposal. Quorum and threshold default to the cooperative's; without closesAt it closes only by request.</summary>
/// <param name="Id">The proposal's id: 1–64 letters, digits, '-', '_' or '.'; generated when left out.</param>
/// <param name="Title">What is proposed, up to 200 characters.</param>
/// <param name="Body">A longer explanation, up to 20,000 characters; optional.</param>
/// <param name="Topic">One of the cooperative's topics, whose delegations then apply; optional.</param>
/// <param name="ClosesAt">When voting closes by itself; without it the proposal closes only when an admin closes it.</param>
/// <param name="Quorum">The share of eligible members whose weight must be counted, from 0 to 1; the cooperative's when left out.</param>
/// <param name="Threshold">The share of yes among yes and no the proposal must exceed to be accepted, from 0 to 1; the cooperative's when left out.</param>
public sealed record CreateProposalRequest(string? Id, string Title, string? Body, string? Topic, DateTimeOffset? ClosesAt, double? Quorum, double? Threshold);
