namespace Governance.Contracts.Feed;

/// <summary>The catalog of feed event types; each is a durable name integrators filter and subscribe by.</summary>
public static class FeedEventTypes
{
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";
    public const string MemberRoleChanged = "member.role_changed";
    public const string SettingsChanged = "settings.changed";
    public const string TopicAdded = "topic.added";
    public const string AppKeyIssued = "appkey.issued";
    public const string AppKeyRevoked = "appkey.revoked";
    public const string DelegationSet = "delegation.set";
    public const string DelegationCleared = "delegation.cleared";
    public const string ProposalCreated = "proposal.created";
    public const string ProposalOpened = "proposal.opened";
    public const string ProposalClosed = "proposal.closed";
    public const string PollCreated = "poll.created";
    public const string PollOpened = "poll.opened";
    public const string PollClosed = "poll.closed";
    public const string BallotCast = "ballot.cast";
    public const string BallotWithdrawn = "ballot.withdrawn";
    public const string TaskCreated = "task.created";
    public const string TaskClaimed = "task.claimed";
    public const string TaskReleased = "task.released";
    public const string TaskExpired = "task.expired";
    public const string TaskCompleted = "task.completed";
    public const string TaskReviewed = "task.reviewed";

    public static IReadOnlyList<string> All { get; } =
    [
        MemberJoined, MemberLeft, MemberRoleChanged, SettingsChanged, TopicAdded, AppKeyIssued, AppKeyRevoked,
        DelegationSet, DelegationCleared, ProposalCreated, ProposalOpened, ProposalClosed, PollCreated, PollOpened,
        PollClosed, BallotCast, BallotWithdrawn, TaskCreated, TaskClaimed, TaskReleased, TaskExpired, TaskCompleted,
        TaskReviewed,
    ];
}
