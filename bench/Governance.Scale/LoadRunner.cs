using System.Diagnostics;

namespace Governance.Scale;

/// <summary>Sends requests from many workers at once; any answer but a success stops the run, so every figure counts only accepted work.</summary>
public static class LoadRunner
{
    public static async Task<(Latencies Latencies, TimeSpan Wall)> RunAsync(
        HttpClient http, int count, int connections, Func<int, HttpRequestMessage> request)
    {
        var latencies = new Latencies();
        var next = -1;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < count)
            {
                using var message = request(item);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException(
                        $"{message.Method} {message.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                latencies.Add(started);
            }
        });
        await Task.WhenAll(workers);
        return (latencies, wall.Elapsed);
    }
}
