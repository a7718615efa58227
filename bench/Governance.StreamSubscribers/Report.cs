using System.Diagnostics;

namespace Governance.StreamSubscribers;

/// <summary>The benchmark's output: one line per phase, figures as name=value.</summary>
internal static class Report
{
    public static void Phase(string name, PhaseCpu cpu, string figures) =>
        Console.WriteLine(
            FormattableString.Invariant($"{name + ":",-26} {figures} seconds={cpu.Seconds:F1} api_cpu_s={cpu.ApiSeconds:F2} api_core_pct={cpu.ApiCorePercent:F1} ") +
            FormattableString.Invariant($"bench_core_pct={cpu.OwnCorePercent:F1} others_core_pct={cpu.OthersCorePercent:F1}"));

    /// <summary>How many votes, their acknowledgement times, and how far the latest one started behind its turn.</summary>
    public static string Votes(IReadOnlyList<Vote> votes)
    {
        var acknowledgements = votes.Select(vote => Stopwatch.GetElapsedTime(vote.Sent, vote.Acknowledged).TotalMilliseconds).Order().ToArray();
        var behind = votes.Max(vote => Stopwatch.GetElapsedTime(vote.Due, vote.Sent).TotalMilliseconds);
        return FormattableString.Invariant(
            $"votes={votes.Count} ack_p50_ms={Delivery.Percentile(acknowledgements, 0.50):F1} ack_p99_ms={Delivery.Percentile(acknowledgements, 0.99):F1} most_behind_ms={behind:F1}");
    }

    public static string Received(Delivery delivery, double seconds) =>
        FormattableString.Invariant($"messages={delivery.Messages} messages_per_s={delivery.Messages / seconds:F1} results={delivery.Results} ") +
        FormattableString.Invariant($"delay_p50_ms={Delivery.Percentile(delivery.DelaysMs, 0.50):F1} delay_p99_ms={Delivery.Percentile(delivery.DelaysMs, 0.99):F1} ") +
        FormattableString.Invariant($"delay_max_ms={delivery.DelaysMs[^1]:F1} delay_min_ms={delivery.DelaysMs[0]:F1} before_ack={delivery.DelaysMs.Count(delay => delay < 0)} missed={delivery.Missed} ") +
        FormattableString.Invariant($"fanout_p50_ms={Delivery.Percentile(delivery.FanOutMs, 0.50):F1} fanout_max_ms={delivery.FanOutMs[^1]:F1}");

    public static string Memory(CpuMeter meter)
    {
        var (now, peak) = meter.ApiMemoryMiB();
        return FormattableString.Invariant($"api_rss_mib={now:F0} api_peak_rss_mib={peak:F0}");
    }
}
