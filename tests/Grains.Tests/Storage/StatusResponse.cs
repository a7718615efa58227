using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Governance.Grains.Tests.Storage;

/// <summary>An empty response with only a status, standing in for what a failing storage front end sends back.</summary>
internal sealed class StatusResponse(int status, string clientRequestId) : Response
{
    public override int Status => status;

    public override string ReasonPhrase => $"Status {status}";

    public override Stream? ContentStream { get; set; } = new MemoryStream();

    public override string ClientRequestId { get; set; } = clientRequestId;

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => false;

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = null;
        return false;
    }
}
