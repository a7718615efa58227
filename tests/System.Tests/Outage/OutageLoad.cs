using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Governance.System.Tests.Outage;

/// <summary>
/// Concurrent votes on some proposals, each retried until acknowledged (one worker per voter, so a retry never overtakes
/// a later vote), and reads of the tallies of other proposals that nobody votes on, whose grains are already active and
/// need no storage to answer. Every answer is kept, with its timing.
/// </summary>
public sealed class OutageLoad(string cooperative, IReadOnlyDictionary<string, HttpClient> members, string[] votedProposals, string[] readProposals, string[] voters, HttpClient reader)
{
    private static readonly string[] Choices = ["yes", "no", "abstain"];
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReadPause = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<OutageAnswer> _answers = new();

    /// <summary>The last acknowledged choice of each (proposal, voter).</summary>
    public ConcurrentDictionary<(string Proposal, string Member), string> Ballots { get; } = new();

    public IReadOnlyCollection<OutageAnswer> Answers => _answers;

    /// <summary>Runs one worker per voter and one reader until <paramref name="stop"/>; a vote under way is retried to the end.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(voters
            .Select((voter, index) => Task.Run(() => VoteAsync(new Random(index), voter, stop), CancellationToken.None))
            .Append(Task.Run(() => ReadAsync(stop), CancellationToken.None)));

    /// <summary>What the tally of <paramref name="proposal"/> must show, by choice.</summary>
    public Dictionary<string, int> ExpectedCounts(string proposal) =>
        Choices.ToDictionary(choice => choice, choice => voters.Count(voter => Ballots.TryGetValue((proposal, voter), out var chosen) && chosen == choice));

    private async Task VoteAsync(Random random, string voter, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var proposal = votedProposals[random.Next(votedProposals.Length)];
            var choice = Choices[random.Next(Choices.Length)];
            var path = $"/v1/cooperatives/{cooperative}/proposals/{proposal}/votes/{voter}";
            while (true)
            {
                using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(new { choice }) };
                var status = await SendAsync(members[voter], request, isWrite: true);
                if (status is >= 200 and < 300)
                {
                    Ballots[(proposal, voter)] = choice;
                    break;
                }

                if (status is >= 400 and < 500)
                {
                    throw new InvalidOperationException($"PUT {path} was refused with {status}.");
                }

                await Task.Delay(RetryPause, CancellationToken.None);
            }
        }
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var proposal in readProposals)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/v1/cooperatives/{cooperative}/proposals/{proposal}/tally", UriKind.Relative));
                await SendAsync(reader, request, isWrite: false);
            }

            await Task.Delay(ReadPause, CancellationToken.None);
        }
    }

    private async Task<int> SendAsync(HttpClient http, HttpRequestMessage request, bool isWrite)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            _answers.Enqueue(new OutageAnswer(isWrite, startedAt, Stopwatch.GetElapsedTime(started), status, response.Headers.RetryAfter is not null));
            return status;
        }
        catch (TaskCanceledException)
        {
            _answers.Enqueue(new OutageAnswer(isWrite, startedAt, Stopwatch.GetElapsedTime(started), 0, HasRetryAfter: false));
            return 0;
        }
    }
}
