namespace Governance.Contracts.Priorities;

/// <summary>Where a delegation on a poll's chain was set: the cooperative's default, the poll's topic, or the poll itself.</summary>
[GenerateSerializer]
public enum PriorityDelegationScope
{
    Default = 1,
    Topic = 2,
    Poll = 3,
}
