using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Governance.System.Tests.Failover;

namespace Governance.System.Tests.Feed;

/// <summary>
/// Concurrent commands that each change something, so each produces exactly one feed event: voters cast a new choice
/// or withdraw, delegators set a new delegate or clear (on a proposal or by default), and the admin adds members.
/// Each member is driven by one worker, in order, and the admin by a worker of its own, so the order of a member's
/// events in each log is known. A failed request is sent again until acknowledged; a repeat of an applied command
/// changes nothing (a member added twice is refused as existing), so the command still produces one event.
/// </summary>
public sealed class CommandLoad(LoadRoster roster, IReadOnlyDictionary<string, HttpClient> members)
{
    private const string DefaultScope = "default";
    private static readonly string[] Choices = ["yes", "no", "abstain"];
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(90);

    private readonly ConcurrentQueue<AcknowledgedCommand> _acknowledged = new();
    private readonly ConcurrentQueue<FailedAttempt> _failures = new();
    private Task _running = Task.CompletedTask;
    private long _sequence;

    public IReadOnlyCollection<AcknowledgedCommand> Acknowledged => _acknowledged;

    public IReadOnlyCollection<FailedAttempt> Failures => _failures;

    /// <summary>Starts <paramref name="workers"/> member workers and the admin's; each ends after its command under way once <paramref name="stop"/> is set.</summary>
    public Task Start(int workers, CancellationToken stop)
    {
        var everyone = roster.Voters.Concat(roster.Delegators).ToArray();
        var memberWorkers = Enumerable.Range(0, workers).Select(worker =>
            Task.Run(() => DriveMembersAsync(new Random(worker), [.. everyone.Where((_, index) => index % workers == worker)], stop)));
        _running = Task.WhenAll(memberWorkers.Append(Task.Run(() => AddMembersAsync(stop), CancellationToken.None)));
        return _running;
    }

    /// <summary>Waits until <paramref name="count"/> commands were acknowledged; a worker's failure is thrown here at once.</summary>
    public async Task WaitForAcknowledgedAsync(int count, TimeSpan within)
    {
        var giveUpAt = DateTimeOffset.UtcNow + within;
        while (_acknowledged.Count < count)
        {
            if (_running.IsCompleted)
            {
                await _running;
                throw new InvalidOperationException($"The load ended after {_acknowledged.Count} of {count} acknowledged commands.");
            }

            if (DateTimeOffset.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"Only {_acknowledged.Count} of {count} commands were acknowledged within {within.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    private async Task DriveMembersAsync(Random random, string[] ownMembers, CancellationToken stop)
    {
        // What each (member, proposal or default scope) holds now: a voter's choice, a delegator's delegate.
        var held = new Dictionary<(string Member, string Scope), string>();
        while (!stop.IsCancellationRequested)
        {
            var member = ownMembers[random.Next(ownMembers.Length)];
            if (roster.Voters.Contains(member))
            {
                await VoteAsync(random, member, held);
            }
            else
            {
                await DelegateAsync(random, member, held);
            }
        }
    }

    private async Task VoteAsync(Random random, string member, Dictionary<(string, string), string> held)
    {
        var proposal = roster.Proposals[random.Next(roster.Proposals.Length)];
        var source = roster.ProposalSource(proposal);
        var path = $"{source}/votes/{member}";
        var hasBallot = held.TryGetValue((member, proposal), out var current);
        if (hasBallot && random.Next(3) == 0)
        {
            await SendAsync(member, HttpMethod.Delete, path, null, new ExpectedEvent(source, member, "ballot.withdrawn"));
            held.Remove((member, proposal));
            return;
        }

        var others = Choices.Where(choice => choice != current).ToArray();
        var choice = others[random.Next(others.Length)];
        await SendAsync(member, HttpMethod.Put, path, new { choice }, new ExpectedEvent(source, member, "ballot.cast", choice));
        held[(member, proposal)] = choice;
    }

    private async Task DelegateAsync(Random random, string member, Dictionary<(string, string), string> held)
    {
        var index = random.Next(roster.Proposals.Length + 1);
        var scope = index == roster.Proposals.Length ? DefaultScope : roster.Proposals[index];
        var (source, path) = scope == DefaultScope
            ? (roster.CooperativeSource, $"{roster.CooperativeSource}/members/{member}/delegations/default")
            : (roster.ProposalSource(scope), $"{roster.ProposalSource(scope)}/delegations/{member}");
        var delegating = held.TryGetValue((member, scope), out var current);
        if (delegating && random.Next(3) == 0)
        {
            await SendAsync(member, HttpMethod.Delete, path, null, new ExpectedEvent(source, member, "delegation.cleared"));
            held.Remove((member, scope));
            return;
        }

        var others = roster.Voters.Where(voter => voter != current).ToArray();
        var delegateId = others[random.Next(others.Length)];
        await SendAsync(member, HttpMethod.Put, path, new { delegateId }, new ExpectedEvent(source, member, "delegation.set", delegateId));
        held[(member, scope)] = delegateId;
    }

    private async Task AddMembersAsync(CancellationToken stop)
    {
        for (var joined = 0; !stop.IsCancellationRequested; joined++)
        {
            var member = $"joiner{joined}";
            await SendAsync(
                roster.Admin,
                HttpMethod.Post,
                $"{roster.CooperativeSource}/members",
                new { id = member },
                new ExpectedEvent(roster.CooperativeSource, member, "member.joined"),
                repeatRefusal: "member-exists");
        }
    }

    /// <param name="repeatRefusal">The conflict's code that, after a failed attempt, says that attempt was applied.</param>
    private async Task SendAsync(string member, HttpMethod method, string path, object? body, ExpectedEvent expected, string? repeatRefusal = null)
    {
        var giveUpAt = DateTimeOffset.UtcNow + RetryBudget;
        var failedAttempts = 0;
        while (true)
        {
            var startedAt = DateTimeOffset.UtcNow;
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
            string outcome;
            var replied = false;
            try
            {
                using var response = await members[member].SendAsync(request);
                var answer = await response.Content.ReadAsStringAsync();
                var appliedBefore = failedAttempts > 0 && repeatRefusal is not null
                    && response.StatusCode == HttpStatusCode.Conflict && answer.Contains(repeatRefusal, StringComparison.Ordinal);
                if (response.IsSuccessStatusCode || appliedBefore)
                {
                    _acknowledged.Enqueue(new AcknowledgedCommand(Interlocked.Increment(ref _sequence), expected, failedAttempts, startedAt));
                    return;
                }

                if ((int)response.StatusCode < 500)
                {
                    throw new InvalidOperationException($"{method} {path} as {member} was refused with {(int)response.StatusCode}: {answer}");
                }

                outcome = $"{(int)response.StatusCode} {response.StatusCode}";
                replied = true;
            }
            catch (HttpRequestException exception)
            {
                outcome = exception.HttpRequestError.ToString();
            }
            catch (TaskCanceledException)
            {
                outcome = "no reply";
            }

            failedAttempts++;
            _failures.Enqueue(new FailedAttempt(DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(started), outcome, replied));
            if (DateTimeOffset.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"{method} {path} as {member} was still failing after {RetryBudget.TotalSeconds} s of retries.");
            }

            await Task.Delay(RetryPause);
        }
    }
}
