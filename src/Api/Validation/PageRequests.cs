using Governance.Api.Hosting;
using Governance.Contracts.Errors;
using Microsoft.Extensions.Options;

namespace Governance.Api.Validation;

/// <summary>Applies the default page size and refuses limits beyond the configured maximum.</summary>
public sealed class PageRequests(IOptions<ApiOptions> options)
{
    public int Limit(int? requested)
    {
        var max = options.Value.MaxPageSize;
        return requested switch
        {
            null => Math.Min(options.Value.DefaultPageSize, max),
            var limit when limit >= 1 && limit <= max => limit.Value,
            _ => throw new GovernanceException(ErrorKind.Invalid, "invalid-limit", $"'limit' must be between 1 and {max}.", "limit"),
        };
    }
}
