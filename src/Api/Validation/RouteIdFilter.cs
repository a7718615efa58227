using Governance.Domain.Identifiers;

namespace Governance.Api.Validation;

/// <summary>Rejects a malformed id in the path with 400 before any grain is touched.</summary>
public sealed class RouteIdFilter : IEndpointFilter
{
    private static readonly string[] IdRouteValues = ["cooperativeId", "memberId", "proposalId", "topic"];

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var routeValues = context.HttpContext.Request.RouteValues;
        var errors = new Dictionary<string, string[]>();
        foreach (var name in IdRouteValues)
        {
            if (routeValues.TryGetValue(name, out var value) && !ResourceId.IsValid(value as string))
            {
                errors[name] = [$"'{name}' must be 1-{ResourceId.MaxLength} characters of letters, digits, '-', '_' or '.'."];
            }
        }

        return errors.Count == 0
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.ValidationProblem(errors, title: "The request is invalid", extensions: new Dictionary<string, object?> { ["code"] = "invalid-id" }));
    }
}
