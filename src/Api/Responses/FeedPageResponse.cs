using System.Text.Json;
using Governance.Contracts.Feed;

namespace Governance.Api.Responses;

/// <summary>
/// A page of the cooperative's event feed, or of one decision's own events: each item a CloudEvents 1.0 structured event (specversion, id, source,
/// subject, type, time, datacontenttype, data). <paramref name="NextCursor"/> is always set: pass it as <c>after</c> to
/// read on, now or later.
/// </summary>
public sealed record FeedPageResponse(IReadOnlyList<JsonElement> Items, string NextCursor)
{
    public static FeedPageResponse From(FeedPage page) => new([.. page.Items.Select(item => JsonElement.Parse(item.Event))], page.NextCursor);
}
