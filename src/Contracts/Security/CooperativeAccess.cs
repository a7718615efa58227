using Governance.Contracts.Cooperatives;

namespace Governance.Contracts.Security;

/// <summary>What one person may do in one cooperative: their role, and the settings that widen what members may do.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.CooperativeAccess")]
public sealed record CooperativeAccess([property: Id(0)] MemberRole Role, [property: Id(1)] bool MembersMayCreateProposals);
