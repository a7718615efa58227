namespace Governance.Api.Requests;

/// <summary>An optional note with progress or completion; the body may be left out.</summary>
/// <param name="Note">What was done, for the cooperative to read; optional.</param>
public sealed record TaskNoteRequest(string? Note);
