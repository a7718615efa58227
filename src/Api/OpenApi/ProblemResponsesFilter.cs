using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>Says, for every error status an operation documents, when this API answers with it.</summary>
public sealed class ProblemResponsesFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["400"] = "The body or a parameter is invalid; errors names the field and code says what is wrong (malformed-request for a body that is not the JSON this route takes).",
        ["401"] = "No valid member token or app key was sent.",
        ["403"] = "The caller may not do this; the operation's description says who may (code not-yourself when acting for another member).",
        ["404"] = "The cooperative, or what the path names in it, does not exist.",
        ["409"] = "The state does not allow it, such as a vote on a closed proposal or an id already taken.",
        ["429"] = "The caller exceeded its rate; retry after the seconds in Retry-After.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (Meanings.TryGetValue(status, out var meaning) && response is OpenApiResponse described)
            {
                described.Description = meaning;
                if (status == "429")
                {
                    described.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    described.Headers["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds to wait before the next request.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    };
                }
            }
        }
    }
}
