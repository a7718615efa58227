using System.Net;
using System.Text;

namespace Governance.Client.Tests.Streams;

/// <summary>The stream methods' requests, against a handler that answers as the API does.</summary>
public sealed class StreamRequestTests
{
    [Fact]
    public async Task A_tally_stream_asks_for_an_event_stream_and_resumes_from_the_last_event_id()
    {
        var handler = new RecordingHandler(_ => Answer(HttpStatusCode.OK, "text/event-stream",
            "event: tally\nid: 9\ndata: {\"status\":\"voting\",\"eligible\":2,\"participation\":2,\"counts\":{\"yes\":1,\"no\":1,\"abstain\":0},\"quorumReached\":true,\"outcome\":null}\n\n"));
        var client = Client(handler);

        var messages = new List<ServerSentEvent<TallyView>>();
        await foreach (var message in client.StreamTallyAsync("acme", "oven 2", lastEventId: "8"))
        {
            messages.Add(message);
        }

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://api.test/v1/cooperatives/acme/proposals/oven%202/tally/stream", request.RequestUri!.AbsoluteUri);
        Assert.Equal("text/event-stream", Assert.Single(request.Headers.Accept).MediaType);
        Assert.Equal(["8"], request.Headers.GetValues("Last-Event-ID"));
        Assert.Equal("9", Assert.Single(messages).Id);
        Assert.Equal(1, messages[0].Data.Counts.No);
    }

    [Fact]
    public async Task A_first_read_sends_no_last_event_id_and_the_other_streams_have_their_paths()
    {
        var handler = new RecordingHandler(_ => Answer(HttpStatusCode.OK, "text/event-stream", ": heartbeat\n\n"));
        var client = Client(handler);

        await foreach (var _ in client.StreamEventsAsync("acme"))
        {
        }

        await foreach (var _ in client.StreamPriorityPollResultAsync("acme", "spring"))
        {
        }

        Assert.Equal(
            ["/v1/cooperatives/acme/events/stream", "/v1/cooperatives/acme/priorities/spring/result/stream"],
            handler.Requests.Select(request => request.RequestUri!.AbsolutePath));
        Assert.All(handler.Requests, request => Assert.False(request.Headers.Contains("Last-Event-ID")));
    }

    [Fact]
    public async Task A_refused_stream_throws_the_problem_with_its_code()
    {
        var handler = new RecordingHandler(_ => Answer(HttpStatusCode.NotFound, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not found","status":404,"detail":"No proposal 'oven'.","code":"proposal-not-found"}"""));
        var client = Client(handler);

        var refused = await Assert.ThrowsAsync<GovernanceApiException<ProblemDetails>>(async () =>
        {
            await foreach (var _ in client.StreamTallyAsync("acme", "oven"))
            {
            }
        });

        Assert.Equal(404, refused.StatusCode);
        Assert.Equal("proposal-not-found", refused.Result.Code);
    }

    private static GovernanceClient Client(HttpMessageHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") });

    private static HttpResponseMessage Answer(HttpStatusCode status, string mediaType, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}
