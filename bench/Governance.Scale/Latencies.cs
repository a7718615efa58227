using System.Diagnostics;
using System.Globalization;

namespace Governance.Scale;

/// <summary>Request latencies of one phase, summarised as a rate and percentiles.</summary>
public sealed class Latencies
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    public void Add(long startTimestamp)
    {
        var elapsed = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        lock (_gate)
        {
            _milliseconds.Add(elapsed);
        }
    }

    public int Count => _milliseconds.Count;

    public double Percentile(double share)
    {
        var sorted = _milliseconds.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];
    }

    public string Summary(TimeSpan wall) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} requests in {wall.TotalSeconds:F1} s = {Count / wall.TotalSeconds:F0}/s, p50 {Percentile(0.5):F2} ms, p99 {Percentile(0.99):F2} ms, max {Percentile(1):F2} ms");
}
