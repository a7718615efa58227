namespace Governance.Api.Requests;

/// <summary>The cooperative's settings, all of them: PUT replaces them.</summary>
public sealed record ChangeSettingsRequest(bool? MembersMayCreateProposals);
