namespace Governance.Domain.Voting;

/// <summary>Where a delegation entry was set. Narrower scopes win: proposal beats topic, topic beats default.</summary>
public enum DelegationScope : byte
{
    Default = 1,
    Topic = 2,
    Proposal = 3,
}
