namespace Governance.Contracts.Proposals;

[GenerateSerializer]
public enum VoteChoice
{
    Yes = 1,
    No = 2,
    Abstain = 3,
}
