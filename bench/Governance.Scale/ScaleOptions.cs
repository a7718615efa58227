using System.Globalization;

namespace Governance.Scale;

/// <summary>
/// Command line: --api (base address), --key (the node's base64 HS256 signing key), --pid (the API's process id,
/// for its resident memory), --phase (setup, or cold-start after a restart), --api-log (the API's log, to wait until
/// imported people know of their membership), and the sizes of the cooperative.
/// </summary>
public sealed record ScaleOptions(
    Uri Api,
    byte[] SigningKey,
    int ApiProcessId,
    string Phase,
    int Members,
    int Delegations,
    int ChainLength,
    int Proposals,
    int Votes,
    int ImportLinesPerRequest,
    int Connections,
    int Changes,
    string? ApiLog)
{
    public const string Cooperative = "scale";

    public static ScaleOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        string Required(string name) =>
            values.TryGetValue(name, out var text) ? text : throw new ArgumentException($"{name} is required.");

        return new ScaleOptions(
            new Uri(Required("--api")),
            Convert.FromBase64String(Required("--key")),
            Number("--pid", 0),
            values.GetValueOrDefault("--phase", "setup"),
            Number("--members", 1_000_000),
            Number("--delegations", 600_000),
            Number("--chain", 50),
            Number("--proposals", 100),
            Number("--votes", 250_000),
            Number("--import-lines", 250_000),
            Number("--connections", 32),
            Number("--changes", 20),
            values.GetValueOrDefault("--api-log"));
    }

    public static string MemberId(int index) => $"m{index}";
}
