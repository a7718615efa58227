using Governance.Contracts.Decisions;

namespace Governance.Grains.Tasks;

/// <summary>Where a task linked to a poll item reads the item's priority: the poll's grain, or a stand-in where no polls run.</summary>
public interface IPollPriorities
{
    /// <summary>Each item's priority; fails as not found when the cooperative has no such poll.</summary>
    Task<IReadOnlyDictionary<string, double>> ItemPriorities(string cooperativeId, string pollId);
}

public sealed class PollGrainPriorities(IGrainFactory grains) : IPollPriorities
{
    public Task<IReadOnlyDictionary<string, double>> ItemPriorities(string cooperativeId, string pollId) =>
        grains.GetGrain<IDecisionGrain>(DecisionKey.Poll(cooperativeId, pollId)).GetItemPriorities();
}
