namespace Governance.Api.Requests;

/// <summary>The one stream a ticket is to open.</summary>
/// <param name="Path">The stream's path, without query: /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/tally/stream, .../priorities/{pollId}/result/stream or .../events/stream, in this cooperative.</param>
public sealed record IssueStreamTicketRequest(string Path);
