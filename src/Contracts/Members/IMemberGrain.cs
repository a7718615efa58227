namespace Governance.Contracts.Members;

/// <summary>One person across all their cooperatives, with the skills and hours they offer. Key: the member id.</summary>
[Alias("Governance.IMemberGrain")]
public interface IMemberGrain : IGrainWithStringKey
{
    [Alias("StartMembership")]
    Task StartMembership(string cooperativeId, string? name);

    /// <summary>The membership an import recorded; the grain then leaves memory once idle, as most imported people will not act soon.</summary>
    [Alias("StartImportedMembership")]
    Task StartImportedMembership(string cooperativeId, string? name);

    [Alias("EndMembership")]
    Task EndMembership(string cooperativeId);

    [Alias("Get")]
    Task<MemberProfileView> Get();

    /// <summary>Sets the person's skills and weekly hours, and tells the task boards of their cooperatives.</summary>
    [Alias("SetAvailability")]
    Task<AvailabilityView> SetAvailability(IReadOnlyList<string>? skills, int? weeklyCapacityHours);

    [Alias("GetAvailability")]
    Task<AvailabilityView> GetAvailability();
}
