namespace Governance.Api.Responses;

/// <summary>A stream ticket: <paramref name="Url"/> is the stream's path with the ticket, ready for an EventSource.</summary>
public sealed record StreamTicketResponse(string Ticket, DateTimeOffset ExpiresAt, string Url);
