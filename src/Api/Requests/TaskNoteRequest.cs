namespace Governance.Api.Requests;

/// <summary>An optional note with progress or completion; the body may be left out.</summary>
public sealed record TaskNoteRequest(string? Note);
