namespace Governance.Client;

/// <summary>One message of a text/event-stream.</summary>
/// <param name="EventType">The event: field, such as tally, result or a CloudEvent type; "message" when the server named none.</param>
/// <param name="Id">The id: field in force, which resumes the stream after this message when sent back as Last-Event-ID; null before any.</param>
/// <param name="Data">The data: field, its lines joined by newlines, read as JSON into <typeparamref name="T"/> (or the text itself for a string).</param>
public sealed record ServerSentEvent<T>(string EventType, string? Id, T Data);
