namespace Governance.Contracts.Priorities;

/// <summary>Priority poll grains are keyed "{cooperativeId}/{pollId}"; ids never contain '/'.</summary>
public static class PriorityPollKey
{
    public static string Of(string cooperativeId, string pollId) => $"{cooperativeId}/{pollId}";

    public static (string CooperativeId, string PollId) Parse(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        return separator < 0
            ? throw new ArgumentException($"'{key}' is not a priority poll key.", nameof(key))
            : (key[..separator], key[(separator + 1)..]);
    }
}
