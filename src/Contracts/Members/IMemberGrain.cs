namespace Governance.Contracts.Members;

/// <summary>One person across all their cooperatives. Key: the member id.</summary>
[Alias("Governance.IMemberGrain")]
public interface IMemberGrain : IGrainWithStringKey
{
    [Alias("StartMembership")]
    Task StartMembership(string cooperativeId, string? name);

    [Alias("EndMembership")]
    Task EndMembership(string cooperativeId);

    [Alias("Get")]
    Task<MemberProfileView> Get();
}
