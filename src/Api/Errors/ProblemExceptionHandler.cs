using System.Text.Json;
using Governance.Api.Retries;
using Governance.Contracts.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Errors;

/// <summary>
/// Answers every failure as RFC 9457 problem details: rule violations by their kind (400, 403, 404, 409), unreadable
/// bodies with 400 and an errors map, and storage or cluster trouble with 503 and Retry-After.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            GovernanceException rejected => FromRule(rejected),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(),
            BadHttpRequestException badRequest => FromBadRequest(badRequest, httpContext.Request),
            _ when TransientFaults.IsTransient(exception) => Unavailable(httpContext),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromRule(GovernanceException rejected)
    {
        var problem = rejected.Kind switch
        {
            ErrorKind.Invalid => Invalid(rejected.Field ?? "request", rejected.Message),
            ErrorKind.NotFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = rejected.Message },
            ErrorKind.Forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = rejected.Message },
            _ => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = rejected.Message },
        };
        problem.Extensions["code"] = rejected.Code;
        return problem;
    }

    /// <summary>
    /// What the request got wrong, in our words: the framework's messages name its parameters and types ("Implicit
    /// body inferred for parameter ..."), which tell a client nothing it can act on.
    /// </summary>
    private static ValidationProblemDetails FromBadRequest(BadHttpRequestException badRequest, HttpRequest request)
    {
        var (field, message) = badRequest.InnerException is JsonException json
            ? (FieldOf(json.Path), "The value is missing, of the wrong type, given twice, or not a field this request accepts.")
            : HasNoBody(request)
                ? ("body", "This request needs a JSON body.")
                : ("query", "A value in the query string is not of the type this route takes.");
        var problem = Invalid(field, message);
        problem.Extensions["code"] = "malformed-request";
        return problem;
    }

    private static ProblemDetails TooLarge() => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Request body too large",
        Detail = "The request body is larger than this server accepts.",
        Extensions = { ["code"] = "body-too-large" },
    };

    private static ValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid",
            Detail = message,
        };

    private static ProblemDetails Unavailable(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = "1";
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Temporarily unavailable",
            // A grain whose silo died, or an append whose reply was lost, may have stored the change: say so.
            Detail = "The change could not be confirmed in time; it may or may not have been stored. Votes, delegations and " +
                "creates that name their id were already retried for a few seconds. Retry the request: repeating a PUT or " +
                "DELETE is safe, and a repeated create answers 409 if the first one was stored.",
            Extensions = { ["code"] = "unavailable" },
        };
    }

    private static bool HasNoBody(HttpRequest request) =>
        request.ContentLength == 0 || request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == false;

    /// <summary>"$.quorum" becomes "quorum"; a body that is not JSON at all is "body".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}
