using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Governance.Api.OpenApi;

/// <summary>
/// Documents every parameter a route template names, in the template's order. Routes shared by several kinds of
/// decision read the decision's id from the route values rather than from a handler argument, which the document
/// would otherwise leave out.
/// </summary>
public sealed class RouteParametersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var template = context.ApiDescription.RelativePath ?? "";
        var names = template.Split('/')
            .Where(segment => segment.StartsWith('{') && segment.EndsWith('}'))
            .Select(segment => segment[1..^1])
            .ToList();
        if (names.Count == 0)
        {
            return;
        }

        operation.Parameters ??= [];
        foreach (var name in names.Where(name => !operation.Parameters.Any(parameter => parameter.In == ParameterLocation.Path && parameter.Name == name)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var ordered = operation.Parameters
            .OrderBy(parameter => parameter.In == ParameterLocation.Path ? names.IndexOf(parameter.Name ?? "") : names.Count)
            .ToList();
        operation.Parameters.Clear();
        foreach (var parameter in ordered)
        {
            operation.Parameters.Add(parameter);
        }
    }
}
