namespace Governance.Contracts.Proposals;

/// <summary>Proposal grains are keyed "{cooperativeId}/{proposalId}"; ids never contain '/'.</summary>
public static class ProposalKey
{
    public static string Of(string cooperativeId, string proposalId) => $"{cooperativeId}/{proposalId}";

    public static (string CooperativeId, string ProposalId) Parse(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        return separator < 0
            ? throw new ArgumentException($"'{key}' is not a proposal key.", nameof(key))
            : (key[..separator], key[(separator + 1)..]);
    }
}
