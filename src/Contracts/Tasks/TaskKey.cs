namespace Governance.Contracts.Tasks;

/// <summary>Task grains are keyed "{cooperativeId}/{taskId}"; ids never contain '/'.</summary>
public static class TaskKey
{
    public static string Of(string cooperativeId, string taskId) => $"{cooperativeId}/{taskId}";

    public static (string CooperativeId, string TaskId) Parse(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        return separator < 0
            ? throw new ArgumentException($"'{key}' is not a task key.", nameof(key))
            : (key[..separator], key[(separator + 1)..]);
    }
}
