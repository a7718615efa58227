namespace Governance.Contracts.Priorities;

/// <summary>A priority poll. Key: "{cooperativeId}/{pollId}".</summary>
[Alias("Governance.IPriorityPollGrain")]
public interface IPriorityPollGrain : IGrainWithStringKey
{
    /// <summary>Each item's priority between 0 and 1; fails as not found when there is no such poll.</summary>
    [Alias("GetItemPriorities")]
    Task<IReadOnlyDictionary<string, double>> GetItemPriorities();
}
