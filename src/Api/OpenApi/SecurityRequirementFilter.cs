using Governance.Api.Authorization;
using Governance.Api.Security;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>
/// Names, per operation, the credentials its access rule accepts: a member's bearer token always, and an app key too
/// for the routes readers may call, and a stream ticket for the streams. It narrows the document's default, which offers
/// the first two.
/// </summary>
public sealed class SecurityRequirementFilter : IOperationFilter
{
    public const string BearerScheme = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var rule = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AccessRule>().FirstOrDefault();
        if (rule is null)
        {
            return;
        }

        // Requirements are alternatives: any one of them admits the caller.
        operation.Security = [Requirement(BearerScheme, context.Document)];
        if (rule.Access == Access.Reader)
        {
            operation.Security.Add(Requirement(AppKeyAuthenticationHandler.SchemeName, context.Document));
        }

        if (context.ApiDescription.RelativePath?.EndsWith("/stream", StringComparison.Ordinal) == true)
        {
            operation.Security.Add(Requirement(StreamTicketAuthenticationHandler.SchemeName, context.Document));
        }
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
