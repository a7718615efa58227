namespace Governance.Contracts.Proposals;

/// <summary>Why a member's weight was not counted.</summary>
[GenerateSerializer]
public enum LostReason
{
    NoDirectVoter = 1,
    Cycle = 2,
    IneligibleOnChain = 3,
    NotEligible = 4,
}
