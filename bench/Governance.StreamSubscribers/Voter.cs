namespace Governance.StreamSubscribers;

/// <summary>A member and the bearer token that signs their votes.</summary>
internal sealed record Voter(string Member, string Token);
