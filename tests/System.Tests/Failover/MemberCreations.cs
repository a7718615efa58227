using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Governance.System.Tests.Failover;

/// <summary>
/// New members added one after another, each with an id the caller chose, each sent once. A create whose grain call
/// failed after it stored the member is retried by the API, which must recognise its own write: no create may answer
/// 409, since every id is new. A 503 (the API gave up within its bound) is counted, not retried. A create under way
/// when the load stops is seen to its answer.
/// </summary>
public sealed class MemberCreations(HttpClient admin, string cooperative)
{
    private readonly List<string> _created = [];
    private readonly Dictionary<HttpStatusCode, int> _failures = [];

    /// <summary>The members whose create answered 201.</summary>
    public IReadOnlyList<string> Created => _created;

    /// <summary>Creates that did not answer 201, by status.</summary>
    public IReadOnlyDictionary<HttpStatusCode, int> Failures => _failures;

    public TimeSpan LongestRequest { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var id = $"joiner{i}";
            var started = Stopwatch.GetTimestamp();
            using var response = await admin.PostAsJsonAsync(new Uri($"/v1/cooperatives/{cooperative}/members", UriKind.Relative), new { id, name = $"Joiner {i}" }, CancellationToken.None);
            var took = Stopwatch.GetElapsedTime(started);
            LongestRequest = took > LongestRequest ? took : LongestRequest;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                _created.Add(id);
            }
            else
            {
                _failures[response.StatusCode] = _failures.GetValueOrDefault(response.StatusCode) + 1;
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
