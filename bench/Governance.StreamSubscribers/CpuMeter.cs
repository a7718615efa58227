using System.Diagnostics;
using System.Globalization;

namespace Governance.StreamSubscribers;

/// <summary>
/// CPU time as Linux counts it in /proc: the API process's and this program's (utime + stime of /proc/{pid}/stat),
/// and the whole machine's busy time (/proc/stat), so that a phase can say how much of the cores others took.
/// </summary>
internal sealed class CpuMeter(int apiPid, int clockTicksPerSecond)
{
    /// <summary>In the "cpu" line of /proc/stat: user, nice, system, irq and softirq; not idle, iowait or steal.</summary>
    private static readonly int[] BusyFields = [1, 2, 3, 6, 7];

    public CpuSample Take() =>
        new(Stopwatch.GetTimestamp(), ProcessTicks(apiPid), ProcessTicks(Environment.ProcessId), MachineBusyTicks());

    public PhaseCpu Between(CpuSample start, CpuSample end) => new(
        Stopwatch.GetElapsedTime(start.At, end.At).TotalSeconds,
        Seconds(end.ApiTicks - start.ApiTicks),
        Seconds(end.OwnTicks - start.OwnTicks),
        Seconds(end.MachineBusyTicks - start.MachineBusyTicks));

    /// <summary>The API's resident memory now and at its peak (VmRSS and VmHWM of /proc/{pid}/status), in MiB.</summary>
    public (double Now, double Peak) ApiMemoryMiB()
    {
        var fields = File.ReadAllLines($"/proc/{apiPid}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);
        return (KiB(fields["VmRSS"]) / 1024, KiB(fields["VmHWM"]) / 1024);

        static double KiB(string value) => double.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private double Seconds(long ticks) => (double)ticks / clockTicksPerSecond;

    private static long ProcessTicks(int pid)
    {
        // The command name (field 2) is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static long MachineBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return BusyFields.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
    }
}
