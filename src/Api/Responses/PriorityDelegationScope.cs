namespace Governance.Api.Responses;

/// <summary>Where a delegation on a poll's chain was set: the cooperative's default, the poll's topic, or the poll itself.</summary>
public enum PriorityDelegationScope
{
    Default = 1,
    Topic = 2,
    Poll = 3,
}
