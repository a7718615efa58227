using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Contracts.Tasks;

namespace Governance.Grains.Feed;

/// <summary>The grain that owns a log, found from the log's name, so the feed can pull from it.</summary>
internal static class FeedSources
{
    public static IFeedSource Resolve(IGrainFactory grains, string streamId)
    {
        var separator = streamId.IndexOf('/', StringComparison.Ordinal);
        var (prefix, key) = separator < 0 ? (streamId, "") : (streamId[..separator], streamId[(separator + 1)..]);
        return prefix switch
        {
            "cooperative" => grains.GetGrain<ICooperativeGrain>(key),
            "proposal" => grains.GetGrain<IDecisionGrain>(GrainId.Create(DecisionKey.ProposalGrainType, key)),
            "priority-poll" => grains.GetGrain<IDecisionGrain>(GrainId.Create(DecisionKey.PollGrainType, key)),
            "task" => grains.GetGrain<ITaskGrain>(key),
            _ => throw new ArgumentException($"'{streamId}' is no log that reaches a feed.", nameof(streamId)),
        };
    }
}
