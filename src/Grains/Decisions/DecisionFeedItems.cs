using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Domain.Decisions;
using Governance.Grains.Feed;

namespace Governance.Grains.Decisions;

/// <summary>
/// A decision's events as feed events. Each names the decision by its kind's id field (proposalId or pollId); ballots
/// and decision-scope delegations also carry the kind, since their types are shared by both kinds.
/// </summary>
internal static class DecisionFeedItems
{
    /// <param name="closedResult">The frozen result, read only for a close.</param>
    public static FeedItem? ToFeedItem(long version, DecisionEvent @event, DecisionKind kind, string decisionId, Func<DecisionResultView> closedResult)
    {
        var idField = kind.Noun + "Id";
        Dictionary<string, object?> Data(params (string Name, object? Value)[] fields)
        {
            var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["kind"] = kind.Noun, [idField] = decisionId };
            foreach (var (name, value) in fields)
            {
                data[name] = value;
            }

            return data;
        }

        FeedItem Item(string type, string? subject, object data) => FeedItems.Of(version, type, subject, @event.At, data);

        return @event switch
        {
            DecisionCreated created => Item(
                kind.Noun + ".created",
                decisionId,
                Data(
                    ("title", created.Title),
                    ("body", created.Body),
                    ("topic", created.Topic),
                    ("method", created.Method),
                    ("items", created.Items),
                    ("closesAt", created.ClosesAt),
                    ("by", created.CreatedBy))),
            VotingOpened opened => Item(kind.Noun + ".opened", decisionId, Data(("by", opened.By))),
            VotingClosed closed => Item(kind.Noun + ".closed", decisionId, Closed(closed, closedResult(), Data)),
            BallotCast cast => Item(
                FeedEventTypes.BallotCast,
                cast.MemberId,
                Data(("memberId", cast.MemberId), Marks(cast.Marks), ("by", cast.MemberId))),
            BallotWithdrawn withdrawn => Item(FeedEventTypes.BallotWithdrawn, withdrawn.MemberId, Data(("memberId", withdrawn.MemberId), ("by", withdrawn.MemberId))),
            DelegationSet set => Item(
                FeedEventTypes.DelegationSet,
                set.MemberId,
                Data(("scope", kind.Noun), ("memberId", set.MemberId), ("delegateId", set.DelegateId), ("by", set.MemberId))),
            DelegationCleared cleared => Item(
                FeedEventTypes.DelegationCleared,
                cleared.MemberId,
                Data(("scope", kind.Noun), ("memberId", cleared.MemberId), ("by", cleared.MemberId))),
            _ => null,
        };
    }

    /// <summary>The one part of the ballot its method reads, under its own name, as it was cast.</summary>
    private static (string, object?) Marks(BallotMarks marks) =>
        marks.Choice is { } choice ? ("choice", choice)
        : marks.Ranking is { } ranking ? ("ranking", ranking)
        : marks.Approved is { } approved ? ("approved", approved)
        : ("allocations", marks.Allocations);

    private static Dictionary<string, object?> Closed(
        VotingClosed closed, DecisionResultView result, Func<(string, object?)[], Dictionary<string, object?>> data) =>
        result.Ranking is { } ranking
            ? data([("method", result.Method), ("eligible", result.Eligible), ("participation", result.Participation), ("ranking", ranking), ("reason", closed.Reason), ("by", closed.By)])
            : data([("counts", result.Counts), ("eligible", result.Eligible), ("participation", result.Participation), ("quorumReached", result.QuorumReached), ("outcome", result.Outcome), ("reason", closed.Reason), ("by", closed.By)]);
}
