namespace Governance.Contracts.Cooperatives;

/// <summary>How a cooperative runs; its admins change it.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.CooperativeSettingsView")]
public sealed record CooperativeSettingsView([property: Id(0)] bool MembersMayCreateProposals);
