using Azure.Core;
using Azure.Core.Pipeline;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// Answers the first appends with a server error: either before they reach the service, or after it stored them, as
/// a front end failing on the way back would. As a transport, its responses are classified and retried by the client
/// exactly like real ones.
/// </summary>
internal sealed class FailingAppendsTransport(int status, bool afterReachingTheService, int failures) : HttpPipelineTransport
{
    private readonly HttpPipelineTransport inner = HttpClientTransport.Shared;
    private int appends;

    /// <summary>How many appends were answered with the error.</summary>
    public int Failed => Math.Min(Volatile.Read(ref appends), failures);

    public override Azure.Core.Request CreateRequest() => inner.CreateRequest();

    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        var fail = message.Request.Uri.Query.Contains("comp=appendblock", StringComparison.Ordinal)
            && Interlocked.Increment(ref appends) <= failures;
        if (!fail || afterReachingTheService)
        {
            await inner.ProcessAsync(message);
        }

        if (fail)
        {
            message.Response = new StatusResponse(status, message.Request.ClientRequestId);
        }
    }
}
