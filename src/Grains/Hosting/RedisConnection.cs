using StackExchange.Redis;

namespace Governance.Grains.Hosting;

/// <summary>
/// The Redis client options of membership and reminders: the operator's connection string, plus defaults that keep a
/// silo or client working through a Redis outage. With abortConnect=false the connection keeps reconnecting in the
/// background instead of giving up, and short connect and command timeouts make a call to an unreachable Redis fail
/// within seconds, which Orleans' membership and reminder loops retry. Options the connection string names win.
/// </summary>
public static class RedisConnection
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(3);

    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        var named = connectionString.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(part => part.Contains('=', StringComparison.Ordinal))
            .Select(part => part.Split('=', 2)[0].Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var milliseconds = (int)CommandTimeout.TotalMilliseconds;
        if (!named.Contains("abortConnect"))
        {
            options.AbortOnConnectFail = false;
        }

        if (!named.Contains("connectTimeout"))
        {
            options.ConnectTimeout = milliseconds;
        }

        if (!named.Contains("syncTimeout"))
        {
            options.SyncTimeout = milliseconds;
        }

        if (!named.Contains("asyncTimeout"))
        {
            options.AsyncTimeout = milliseconds;
        }

        return options;
    }
}
