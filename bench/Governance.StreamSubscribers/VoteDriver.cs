using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Governance.StreamSubscribers;

/// <summary>
/// Votes at a steady rate, each a yes by a member who has not voted on the proposal yet, so that each one adds one to
/// the yes count. One vote is in flight at a time: the count after each acknowledgement is then exactly the count
/// before the phase plus the votes acknowledged, which is what lets a message be matched to the votes it includes.
/// A vote whose turn comes while the one before is still unanswered is sent as soon as that one is, and counted late.
/// </summary>
internal sealed class VoteDriver(HttpClient http, string cooperative, IReadOnlyList<Voter> voters)
{
    /// <summary>Votes by voters[first..first+count) on <paramref name="proposal"/>, the n-th due n / rate seconds after the start.</summary>
    public async Task<IReadOnlyList<Vote>> RunAsync(string proposal, int first, int count, double perSecond)
    {
        var votes = new List<Vote>(count);
        var start = Stopwatch.GetTimestamp();
        for (var n = 0; n < count; n++)
        {
            var due = start + (long)(n / perSecond * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var voter = voters[first + n];
            using var request = new HttpRequestMessage(HttpMethod.Put, $"v1/cooperatives/{cooperative}/proposals/{proposal}/votes/{voter.Member}")
            {
                Content = new StringContent("""{"choice":"yes"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", voter.Token);
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var acknowledged = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"The vote of {voter.Member} on {proposal} was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            votes.Add(new Vote(due, sent, acknowledged));
        }

        return votes;
    }
}
