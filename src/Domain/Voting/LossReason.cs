namespace Governance.Domain.Voting;

/// <summary>Why a member's weight was not counted.</summary>
public enum LossReason : byte
{
    /// <summary>The chain ended at someone who neither voted nor delegated.</summary>
    NoDirectVoter = 1,

    /// <summary>The chain looped back on itself before reaching a direct voter.</summary>
    Cycle = 2,

    /// <summary>The chain passed through someone who is not eligible for this decision.</summary>
    IneligibleOnChain = 3,
}
