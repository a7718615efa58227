namespace Governance.Contracts.Proposals;

[GenerateSerializer]
public enum DelegationScope
{
    Default = 1,
    Topic = 2,
    Proposal = 3,
}
