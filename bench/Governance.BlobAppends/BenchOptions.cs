using System.Globalization;

namespace Governance.BlobAppends;

/// <summary>Command line: --connection-string (required), --duration seconds, --writers, --block-bytes.</summary>
internal sealed record BenchOptions(string ConnectionString, TimeSpan Duration, int Writers, int BlockBytes)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var options = new BenchOptions(
            values.GetValueOrDefault("--connection-string") ?? throw new ArgumentException("--connection-string is required."),
            TimeSpan.FromSeconds(Number(values, "--duration", 10)),
            Number(values, "--writers", 1),
            Number(values, "--block-bytes", 200));
        if (options.Duration <= TimeSpan.Zero || options.Writers < 1 || options.BlockBytes < 1)
        {
            throw new ArgumentException("--duration, --writers and --block-bytes must be positive.");
        }

        return options;
    }

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
