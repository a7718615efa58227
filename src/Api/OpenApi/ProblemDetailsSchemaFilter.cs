using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>
/// Describes the error body every route answers with: RFC 9457 problem details plus the two members this API adds,
/// <c>code</c> (always) and <c>errors</c> (on a 400). Clients branch on the code, not on the text.
/// </summary>
public sealed class ProblemDetailsSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["type"] = "A URI naming the kind of problem, here the HTTP status's section of RFC 9110.",
        ["title"] = "A short summary of the kind of problem, the same for every problem of its status.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What went wrong with this request, for a person to read.",
        ["instance"] = "The request's path.",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ProblemDetails) || schema is not OpenApiSchema problem)
        {
            return;
        }

        problem.Description = "An error, as RFC 9457 problem details (application/problem+json). A rejected request changed nothing.";
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, description) in Descriptions)
        {
            if (problem.Properties.TryGetValue(name, out var property) && property is OpenApiSchema described)
            {
                described.Description = description;
            }
        }

        problem.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "What was wrong, as a stable code to branch on, such as invalid-id, not-yourself, proposal-closed or malformed-request.",
        };
        problem.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            Description = "On a 400: each invalid field of the request (such as \"choice\" or \"body\") with what is wrong with it.",
        };
    }
}
