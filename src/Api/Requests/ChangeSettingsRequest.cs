namespace Governance.Api.Requests;

/// <summary>The cooperative's settings, all of them: PUT replaces them.</summary>
/// <param name="MembersMayCreateProposals">Whether members, and not only admins, may create proposals and polls; required.</param>
public sealed record ChangeSettingsRequest(bool? MembersMayCreateProposals);
