using System.Globalization;

namespace Governance.Api.Limits;

/// <summary>The one way a limit refuses a request: 429 problem details with a code, and Retry-After in whole seconds.</summary>
public static class TooManyRequests
{
    public static Task WriteAsync(HttpContext context, TimeSpan retryAfter, string detail, string code)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
                detail,
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                extensions: new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(context);
    }
}
