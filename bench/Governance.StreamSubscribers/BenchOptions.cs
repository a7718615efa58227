using System.Globalization;

namespace Governance.StreamSubscribers;

/// <summary>
/// Command line: --api (the API's base address), --tokens (a file of "member token" lines, the admin first),
/// --app-key (a read key for the subscribers), --api-pid, and optionally --subscribers, --votes-per-second,
/// --duration and --warm-up (seconds), --cooperative, --proposal (streamed), --baseline-proposal (voted on with
/// nobody watching), --warm-up-proposal, --admin (who closes the streamed proposal) and --clock-ticks (of /proc,
/// from getconf CLK_TCK).
/// </summary>
internal sealed record BenchOptions(
    Uri Api,
    string TokensFile,
    string AppKey,
    int ApiPid,
    int Subscribers,
    double VotesPerSecond,
    TimeSpan Duration,
    TimeSpan WarmUp,
    string Cooperative,
    string Proposal,
    string BaselineProposal,
    string WarmUpProposal,
    string Admin,
    int ClockTicks)
{
    public int MeasuredVotes => (int)Math.Round(VotesPerSecond * Duration.TotalSeconds);

    public int WarmUpVotes => (int)Math.Round(VotesPerSecond * WarmUp.TotalSeconds);

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var options = new BenchOptions(
            new Uri(Required(values, "--api")),
            Required(values, "--tokens"),
            Required(values, "--app-key"),
            int.Parse(Required(values, "--api-pid"), CultureInfo.InvariantCulture),
            (int)Number(values, "--subscribers", 1000),
            Number(values, "--votes-per-second", 20),
            TimeSpan.FromSeconds(Number(values, "--duration", 30)),
            TimeSpan.FromSeconds(Number(values, "--warm-up", 10)),
            values.GetValueOrDefault("--cooperative") ?? "load",
            values.GetValueOrDefault("--proposal") ?? "p0",
            values.GetValueOrDefault("--baseline-proposal") ?? "p1",
            values.GetValueOrDefault("--warm-up-proposal") ?? "p2",
            values.GetValueOrDefault("--admin") ?? "m0",
            (int)Number(values, "--clock-ticks", 100));
        if (options.Subscribers < 1 || options.VotesPerSecond <= 0 || options.MeasuredVotes < 1 || options.WarmUp < TimeSpan.Zero || options.ClockTicks < 1)
        {
            throw new ArgumentException("--subscribers, --votes-per-second, --duration and --clock-ticks must be positive, --warm-up not negative.");
        }

        return options;
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.GetValueOrDefault(name) ?? throw new ArgumentException($"{name} is required.");

    private static double Number(Dictionary<string, string> values, string name, double fallback) =>
        values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
