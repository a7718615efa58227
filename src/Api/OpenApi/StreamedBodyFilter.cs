using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>Endpoint metadata: the route reads its body itself, as a stream of one of these media types.</summary>
public sealed record StreamedBody(params string[] MediaTypes);

/// <summary>
/// Describes a <see cref="StreamedBody"/> as a binary request body, so the typed client sends a file as it is. Declared
/// with Accepts instead, routing would answer any other media type before access control ran, with the 415 meant for
/// JSON bodies.
/// </summary>
public sealed class StreamedBodyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<StreamedBody>().FirstOrDefault() is not { } body)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = body.MediaTypes.ToDictionary(
                mediaType => mediaType,
                _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
        };
    }
}
