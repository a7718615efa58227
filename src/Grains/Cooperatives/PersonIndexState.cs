namespace Governance.Grains.Cooperatives;

/// <summary>
/// How far the people a cooperative imported know of it (grain storage). The property name is a stored format.
/// </summary>
[GenerateSerializer]
[Alias("Governance.PersonIndexState")]
public sealed class PersonIndexState
{
    /// <summary>The cooperative's log version after which joins may still be missing from their people's memberships; null when none are.</summary>
    [Id(0)]
    public long? PendingAfter { get; set; }
}
