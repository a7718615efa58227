namespace Governance.Domain.Security;

/// <summary>What an app key may do. An app key never acts as a member: no scope lets it vote, delegate or administer.</summary>
public static class AppKeyScopes
{
    /// <summary>Read the cooperative: roster, proposals, ballots, tallies and traces.</summary>
    public const string Read = "read";

    public static IReadOnlyList<string> All { get; } = [Read];
}
