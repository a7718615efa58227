using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Governance.StreamSubscribers;

// Live tally streams under votes: N subscribers on one proposal, each on a connection of its own, while members vote
// at a steady rate. It reports the delay from each vote's acknowledgement to each subscriber's first message that
// includes it, the messages delivered, and the CPU the API process took, against the same votes with nobody watching.
var options = BenchOptions.Parse(args);
var members = File.ReadLines(options.TokensFile).Select(line => line.Split(' ', 2)).Select(parts => new Voter(parts[0], parts[1])).ToList();
var admin = members.Single(member => member.Member == options.Admin);
var voters = members.Where(member => member != admin).OrderBy(member => member.Member, StringComparer.Ordinal).ToList();
var votesPerProposal = options.WarmUpVotes + options.MeasuredVotes;
if (voters.Count < votesPerProposal)
{
    throw new ArgumentException($"{votesPerProposal} votes need as many members besides the admin; the tokens file has {voters.Count}.");
}

using var calls = new HttpClient { BaseAddress = options.Api };
using var streamHandler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Subscribers, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var streams = new HttpClient(streamHandler) { BaseAddress = options.Api, Timeout = Timeout.InfiniteTimeSpan };
streams.DefaultRequestHeaders.Add("X-Api-Key", options.AppKey);
var driver = new VoteDriver(calls, options.Cooperative, voters);
var meter = new CpuMeter(options.ApiPid, options.ClockTicks);
var proposal = $"v1/cooperatives/{options.Cooperative}/proposals/{options.Proposal}";
var idle = TimeSpan.FromSeconds(10);

// Votes on a third proposal warm the process up; then the same votes as in the measured phase, on another proposal
// with nobody watching, say what the votes cost alone.
await driver.RunAsync(options.WarmUpProposal, 0, options.WarmUpVotes, options.VotesPerSecond);
var start = meter.Take();
var baselineVotes = await driver.RunAsync(options.BaselineProposal, 0, options.MeasuredVotes, options.VotesPerSecond);
var baselineCpu = meter.Between(start, meter.Take());
Report.Phase("votes, no subscribers", baselineCpu, Report.Votes(baselineVotes));

// What the process takes doing nothing, then with the streams open and nothing to send.
start = meter.Take();
await Task.Delay(idle);
Report.Phase("idle, no streams", meter.Between(start, meter.Take()), Report.Memory(meter));

// At most 32 connections opening at once, so that the listen backlog never overflows into SYN retries.
var subscribers = Enumerable.Range(0, options.Subscribers).Select(_ => new Subscriber()).ToArray();
using var opening = new SemaphoreSlim(32);
start = meter.Take();
var reading = subscribers.Select(subscriber => subscriber.RunAsync(streams, new Uri($"{proposal}/tally/stream", UriKind.Relative), opening, CancellationToken.None)).ToArray();
await Task.WhenAll(subscribers.Select(subscriber => subscriber.FirstMessage)).WaitAsync(TimeSpan.FromMinutes(2));
var openCpu = meter.Between(start, meter.Take());
var refused = subscribers.Where(subscriber => subscriber.Failure is not null).ToList();
Report.Phase("streams opened", openCpu, $"open={options.Subscribers - refused.Count} failed={refused.Count}");
if (refused.Count > 0)
{
    Console.WriteLine($"first failure: {refused[0].Failure}");
    return 1;
}

start = meter.Take();
await Task.Delay(idle);
Report.Phase("idle, streams open", meter.Between(start, meter.Take()), Report.Memory(meter));

// The first votes a stream sees warm up the fan-out.
await driver.RunAsync(options.Proposal, 0, options.WarmUpVotes, options.VotesPerSecond);
calls.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Token);
var yesBefore = (await calls.GetFromJsonAsync<TallyMessage>($"{proposal}/tally"))!.Counts.Yes;
start = meter.Take();
var votes = await driver.RunAsync(options.Proposal, options.WarmUpVotes, options.MeasuredVotes, options.VotesPerSecond);
var end = meter.Take();
var memory = Report.Memory(meter);

// A moment for the last votes' messages, then the close; every stream should end with the final result.
await Task.Delay(TimeSpan.FromSeconds(1));
(await calls.PostAsync($"{proposal}/close", null)).EnsureSuccessStatusCode();
var closed = Stopwatch.GetTimestamp();
var allEnded = Task.WhenAll(reading);
await Task.WhenAny(allEnded, Task.Delay(TimeSpan.FromSeconds(30)));

var delivery = Delivery.Of(subscribers, votes, yesBefore, start.At, end.At);
var cpu = meter.Between(start, end);
Report.Phase($"votes, {options.Subscribers} subscribers", cpu, $"{Report.Votes(votes)} {Report.Received(delivery, cpu.Seconds)} {memory}");

var finalYes = yesBefore + votes.Count;
var gotFinal = subscribers.Count(subscriber => subscriber.Arrivals is [.., { Final: true } last] && last.Yes == finalYes);
var ended = subscribers.Where(subscriber => subscriber.EndedAt is not null).ToList();
var finalDelays = ended.Select(subscriber => Stopwatch.GetElapsedTime(closed, subscriber.EndedAt!.Value).TotalMilliseconds).Order().ToArray();
Console.WriteLine(
    FormattableString.Invariant($"close: final result ({finalYes} yes) received by {gotFinal} of {options.Subscribers}, streams ended {ended.Count} of {options.Subscribers}, ") +
    FormattableString.Invariant($"end after close p50_ms={Delivery.Percentile(finalDelays, 0.50):F1} max_ms={(finalDelays.Length > 0 ? finalDelays[^1] : double.NaN):F1}, ") +
    FormattableString.Invariant($"messages over the whole run {subscribers.Sum(subscriber => subscriber.Arrivals.Count)}"));
return gotFinal == options.Subscribers && ended.Count == options.Subscribers && delivery.Missed == 0 ? 0 : 1;
