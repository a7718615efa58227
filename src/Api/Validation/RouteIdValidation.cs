using Governance.Domain.Identifiers;
using Governance.Domain.Rules;
using Microsoft.Extensions.Options;

namespace Governance.Api.Validation;

/// <summary>
/// Rejects a malformed id in the path with 400 before any grain is touched. It runs as middleware after routing
/// rather than as an endpoint filter, which would box every handler's arguments on the hot vote path.
/// </summary>
public static class RouteIdValidation
{
    private static readonly string[] IdRouteValues = ["cooperativeId", "memberId", "proposalId", "pollId", "topic", "keyId", "taskId", "importId"];

    public static IApplicationBuilder UseRouteIdValidation(this IApplicationBuilder app)
    {
        var maxLength = app.ApplicationServices.GetRequiredService<IOptions<GovernanceLimits>>().Value.MaxIdLength;
        return app.Use(async (context, next) =>
        {
            var errors = InvalidIds(context.Request.RouteValues, maxLength);
            if (errors is null)
            {
                await next(context);
                return;
            }

            await TypedResults
                .ValidationProblem(errors, title: "The request is invalid", extensions: new Dictionary<string, object?> { ["code"] = "invalid-id" })
                .ExecuteAsync(context);
        });
    }

    private static Dictionary<string, string[]>? InvalidIds(RouteValueDictionary routeValues, int maxLength)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var name in IdRouteValues)
        {
            if (routeValues.TryGetValue(name, out var value) && !ResourceId.IsValid(value as string, maxLength))
            {
                errors ??= [];
                errors[name] = [$"'{name}' must be {ResourceId.Rule(maxLength)}."];
            }
        }

        return errors;
    }
}
