using Microsoft.AspNetCore.Http.Metadata;

namespace Governance.Api.Limits;

/// <summary>Endpoint metadata: this route takes bodies up to its own cap instead of Api:MaxRequestBodyBytes.</summary>
public sealed record RequestBodyLimitMetadata(long MaxBytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => MaxBytes;
}
