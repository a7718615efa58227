using Governance.Contracts.Feed;
using Governance.Domain.Cooperatives;
using Governance.Grains.Feed;

namespace Governance.Grains.Cooperatives;

/// <summary>
/// A cooperative's events as feed events. A key's secret hash never leaves the log, and the proposal index's entries
/// are no events of their own: the proposals' logs tell them.
/// </summary>
internal static class CooperativeFeedItems
{
    public static FeedItem? ToFeedItem(long version, CooperativeEvent @event)
    {
        FeedItem Item(string type, string? subject, object data) => FeedItems.Of(version, type, subject, @event.At, data);

        return @event switch
        {
            CooperativeCreated created => Item(
                FeedEventTypes.MemberJoined,
                created.FounderId,
                new { memberId = created.FounderId, name = (string?)null, role = MemberRole.Admin, by = created.FounderId }),
            MemberJoined joined => Item(
                FeedEventTypes.MemberJoined, joined.MemberId, new { memberId = joined.MemberId, name = joined.Name, role = MemberRole.Member, by = joined.By }),
            MemberRemoved removed => Item(FeedEventTypes.MemberLeft, removed.MemberId, new { memberId = removed.MemberId, by = removed.By }),
            RoleChanged changed => Item(FeedEventTypes.MemberRoleChanged, changed.MemberId, new { memberId = changed.MemberId, role = changed.Role, by = changed.By }),
            SettingsChanged settings => Item(
                FeedEventTypes.SettingsChanged, null, new { membersMayCreateProposals = settings.MembersMayCreateProposals, by = settings.By }),
            TopicAdded topic => Item(FeedEventTypes.TopicAdded, topic.Topic, new { topic = topic.Topic, by = topic.By }),
            AppKeyIssued issued => Item(
                FeedEventTypes.AppKeyIssued, issued.KeyId, new { keyId = issued.KeyId, name = issued.Name, scopes = issued.Scopes, by = issued.By }),
            AppKeyRevoked revoked => Item(FeedEventTypes.AppKeyRevoked, revoked.KeyId, new { keyId = revoked.KeyId, by = revoked.By }),
            DelegationSet set => Item(
                FeedEventTypes.DelegationSet,
                set.MemberId,
                new { scope = Scope(set.Topic), topic = set.Topic, memberId = set.MemberId, delegateId = set.DelegateId, by = set.MemberId }),
            DelegationCleared cleared => Item(
                FeedEventTypes.DelegationCleared,
                cleared.MemberId,
                new { scope = Scope(cleared.Topic), topic = cleared.Topic, memberId = cleared.MemberId, by = cleared.MemberId }),
            _ => null,
        };
    }

    private static string Scope(string? topic) => topic is null ? "default" : "topic";
}
