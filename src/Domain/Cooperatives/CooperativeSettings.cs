namespace Governance.Domain.Cooperatives;

/// <summary>What a cooperative's admins decide about how it runs.</summary>
public sealed record CooperativeSettings(bool MembersMayCreateProposals)
{
    /// <summary>Any member may bring a proposal unless the cooperative decides otherwise.</summary>
    public static CooperativeSettings Default { get; } = new(MembersMayCreateProposals: true);
}
