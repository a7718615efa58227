using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Governance.System.Tests.Failover;

/// <summary>
/// Concurrent votes and proposal-scope delegation changes, each sent by the member it concerns, and what the cluster
/// acknowledged. Voters only vote and delegators only delegate (to voters), so the expected tally follows from the
/// acknowledged state alone. A request that fails is retried until acknowledged; each member's requests are sent by one
/// worker, in order, so a retry can never overtake a later change.
/// </summary>
public sealed class VoteLoad(string cooperative, IReadOnlyDictionary<string, HttpClient> members, string[] proposals, string[] voters, string[] delegators)
{
    private static readonly string[] Choices = ["yes", "no", "abstain"];
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<FailedAttempt> _failures = new();
    private long _acknowledged;
    private long _longestTicks;

    /// <summary>The last acknowledged choice of each (proposal, voter).</summary>
    public ConcurrentDictionary<(string Proposal, string Member), string> Ballots { get; } = new();

    /// <summary>The acknowledged delegate of each (proposal, delegator); a cleared delegation is absent.</summary>
    public ConcurrentDictionary<(string Proposal, string Member), string> Delegations { get; } = new();

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public IReadOnlyCollection<FailedAttempt> Failures => _failures;

    /// <summary>The longest any request took from being sent to its answer, whatever the answer was.</summary>
    public TimeSpan LongestRequest => TimeSpan.FromTicks(Interlocked.Read(ref _longestTicks));

    /// <summary>Runs <paramref name="workers"/> workers until <paramref name="stop"/>; a request under way is retried to the end.</summary>
    public Task RunAsync(int workers, CancellationToken stop)
    {
        var everyone = voters.Concat(delegators).ToArray();
        return Task.WhenAll(Enumerable.Range(0, workers).Select(worker =>
            Task.Run(() => WorkAsync(new Random(worker), everyone.Where((_, index) => index % workers == worker).ToArray(), stop))));
    }

    /// <summary>What the tally of <paramref name="proposal"/> must show: counts by choice, and the members they carry.</summary>
    public (Dictionary<string, int> Counts, int Participation) ExpectedTally(string proposal)
    {
        var counts = Choices.ToDictionary(choice => choice, _ => 0);
        foreach (var voter in voters)
        {
            if (Ballots.TryGetValue((proposal, voter), out var choice))
            {
                counts[choice] += 1 + delegators.Count(delegator => Delegations.TryGetValue((proposal, delegator), out var to) && to == voter);
            }
        }

        return (counts, counts.Values.Sum());
    }

    private async Task WorkAsync(Random random, string[] ownMembers, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var member = ownMembers[random.Next(ownMembers.Length)];
            var proposal = proposals[random.Next(proposals.Length)];
            var path = $"/v1/cooperatives/{cooperative}/proposals/{proposal}";
            if (voters.Contains(member))
            {
                var choice = Choices[random.Next(Choices.Length)];
                await SendUntilAcknowledgedAsync(member, HttpMethod.Put, $"{path}/votes/{member}", new { choice });
                Ballots[(proposal, member)] = choice;
            }
            else if (random.Next(2) == 0)
            {
                var to = voters[random.Next(voters.Length)];
                await SendUntilAcknowledgedAsync(member, HttpMethod.Put, $"{path}/delegations/{member}", new { delegateId = to });
                Delegations[(proposal, member)] = to;
            }
            else
            {
                await SendUntilAcknowledgedAsync(member, HttpMethod.Delete, $"{path}/delegations/{member}", null);
                Delegations.TryRemove((proposal, member), out _);
            }
        }
    }

    private async Task SendUntilAcknowledgedAsync(string member, HttpMethod method, string path, object? body)
    {
        var giveUpAt = DateTimeOffset.UtcNow + RetryBudget;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
            try
            {
                using var response = await members[member].SendAsync(request);
                RecordDuration(Stopwatch.GetElapsedTime(started));
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _acknowledged);
                    return;
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException(
                        $"{method} {path} as {member} was refused with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                _failures.Enqueue(new FailedAttempt(DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(started), $"{(int)response.StatusCode} {response.StatusCode}", Replied: true));
            }
            catch (TaskCanceledException)
            {
                RecordDuration(Stopwatch.GetElapsedTime(started));
                _failures.Enqueue(new FailedAttempt(DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(started), "no reply", Replied: false));
            }

            if (DateTimeOffset.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"{method} {path} as {member} was still failing after {RetryBudget.TotalSeconds} s of retries.");
            }

            await Task.Delay(RetryPause);
        }
    }

    private void RecordDuration(TimeSpan took)
    {
        var longest = Interlocked.Read(ref _longestTicks);
        while (took.Ticks > longest)
        {
            var seen = Interlocked.CompareExchange(ref _longestTicks, took.Ticks, longest);
            if (seen == longest)
            {
                return;
            }

            longest = seen;
        }
    }
}
