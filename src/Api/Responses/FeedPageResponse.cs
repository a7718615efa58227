using System.Text.Json;

namespace Governance.Api.Responses;

/// <summary>
/// A page of the cooperative's event feed: each item a CloudEvents 1.0 structured event (specversion, id, source,
/// subject, type, time, datacontenttype, data). <paramref name="NextCursor"/> is always set: pass it as <c>after</c> to
/// read on, now or later.
/// </summary>
public sealed record FeedPageResponse(IReadOnlyList<JsonElement> Items, string NextCursor);
