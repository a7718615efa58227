namespace Governance.Api.Tests.Feed;

/// <summary>The catalog as integrators read it in the documentation, written out here so a renamed type fails a test.</summary>
public static class FeedCatalog
{
    public static readonly string[] Types =
    [
        "member.joined", "member.left", "member.role_changed", "settings.changed", "topic.added", "appkey.issued", "appkey.revoked",
        "delegation.set", "delegation.cleared", "proposal.created", "proposal.opened", "proposal.closed", "poll.created", "poll.opened",
        "poll.closed", "ballot.cast", "ballot.withdrawn", "task.created", "task.claimed", "task.released", "task.expired", "task.completed",
        "task.reviewed",
    ];
}
