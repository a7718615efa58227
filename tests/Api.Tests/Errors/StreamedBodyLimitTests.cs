namespace Governance.Api.Tests.Errors;

/// <summary>
/// A body sent chunked has no Content-Length to refuse up front, so the server stops reading it at the limit; that
/// refusal is a 413 problem with the same code as the one for a declared length.
/// </summary>
public sealed class StreamedBodyLimitTests(KestrelApi kestrel) : IClassFixture<KestrelApi>
{
    private GovernanceClient Api => kestrel.Client;

    [Fact]
    public async Task A_streamed_body_over_the_size_limit_is_a_413_with_a_code_and_changes_nothing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var before = await Api.Observe(Routes.Proposals(cooperative));

        var response = await Api.Send(HttpMethod.Post, Routes.Proposals(cooperative), Chunked($$"""{"title":"Big","body":"{{new string('x', 70 * 1024)}}"}"""));

        Assert.True(response.RequestMessage!.Headers.TransferEncodingChunked);
        await Expect.Problem(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(before, await Api.Observe(Routes.Proposals(cooperative)));
    }

    [Fact]
    public async Task A_streamed_body_under_the_size_limit_is_read()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var id = Ids.New("prop");

        var response = await Api.Send(HttpMethod.Post, Routes.Proposals(cooperative), Chunked($$"""{"id":"{{id}}","title":"Small"}"""));

        await Expect.Created(response, Routes.Proposal(cooperative, id));
    }

    /// <summary>JSON from a stream that does not tell its length, so that HttpClient sends it chunked.</summary>
    private static StreamContent Chunked(string json)
    {
        var content = new StreamContent(new UnknownLengthStream(System.Text.Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        return content;
    }

    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
