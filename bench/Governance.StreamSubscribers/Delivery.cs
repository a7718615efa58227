using System.Diagnostics;

namespace Governance.StreamSubscribers;

/// <summary>
/// What the subscribers received in a phase of votes. A vote's delay to a subscriber runs from the vote's
/// acknowledgement to the arrival of that subscriber's first message whose yes count includes it: the vote that
/// made the count k is included in every message counting k or more yes votes, since each vote adds one.
/// </summary>
internal sealed class Delivery
{
    private Delivery(double[] delaysMs, int missed, int messages, double[] fanOutMs)
    {
        DelaysMs = delaysMs;
        Missed = missed;
        Messages = messages;
        FanOutMs = fanOutMs;
    }

    /// <summary>Every (vote, subscriber) delay in milliseconds, in ascending order.</summary>
    public double[] DelaysMs { get; }

    /// <summary>(Vote, subscriber) pairs with no message including the vote.</summary>
    public int Missed { get; }

    /// <summary>Messages that arrived within the phase, over all subscribers.</summary>
    public int Messages { get; }

    /// <summary>For each result sent in the phase, from its first to its last arrival over the subscribers, ascending.</summary>
    public double[] FanOutMs { get; }

    public int Results => FanOutMs.Length;

    /// <param name="yesBefore">The yes count before the phase's first vote.</param>
    public static Delivery Of(IReadOnlyList<Subscriber> subscribers, IReadOnlyList<Vote> votes, int yesBefore, long from, long to)
    {
        var delays = new List<double>(votes.Count * subscribers.Count);
        var missed = 0;
        var messages = 0;
        var arrivalsByResult = new Dictionary<string, (long First, long Last)>(StringComparer.Ordinal);
        foreach (var subscriber in subscribers)
        {
            var arrivals = subscriber.Arrivals;
            for (var n = 0; n < votes.Count; n++)
            {
                var first = FirstCounting(arrivals, yesBefore + n + 1);
                if (first < 0)
                {
                    missed++;
                }
                else
                {
                    delays.Add(Stopwatch.GetElapsedTime(votes[n].Acknowledged, arrivals[first].At).TotalMilliseconds);
                }
            }

            foreach (var arrival in arrivals.Where(arrival => arrival.At >= from && arrival.At <= to))
            {
                messages++;
                arrivalsByResult[arrival.Id] = arrivalsByResult.TryGetValue(arrival.Id, out var seen)
                    ? (Math.Min(seen.First, arrival.At), Math.Max(seen.Last, arrival.At))
                    : (arrival.At, arrival.At);
            }
        }

        var fanOut = arrivalsByResult.Values.Select(span => Stopwatch.GetElapsedTime(span.First, span.Last).TotalMilliseconds);
        return new Delivery([.. delays.Order()], missed, messages, [.. fanOut.Order()]);
    }

    /// <summary>The nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>The index of the first message counting at least <paramref name="yes"/> yes votes, or -1; counts only grow along a stream.</summary>
    private static int FirstCounting(IReadOnlyList<Arrival> arrivals, int yes)
    {
        int low = 0, high = arrivals.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (arrivals[middle].Yes >= yes)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low < arrivals.Count ? low : -1;
    }
}
