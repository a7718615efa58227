using Microsoft.AspNetCore.WebUtilities;

namespace Governance.Api.Errors;

/// <summary>
/// Gives a code to the problems the framework writes by itself, through status code pages or the exception handler:
/// an unknown route (404), a method the route does not have (405), a body not declared as JSON (415), a streamed body
/// that went over the limit (413), and anything unforeseen (500). Problems the API writes already have one.
/// </summary>
public static class FrameworkProblems
{
    public const string Code = "code";

    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey(Code))
        {
            return;
        }

        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (code, detail) = status switch
        {
            StatusCodes.Status404NotFound => ("route-not-found", "No route of this API has this path."),
            StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "This route does not take this method; the Allow header lists those it takes."),
            StatusCodes.Status413PayloadTooLarge => ("body-too-large", "The request body is larger than this server accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", "Send the body as JSON, with Content-Type: application/json."),
            StatusCodes.Status500InternalServerError => ("internal-error", "The server failed to answer this request."),
            _ => (FromReasonPhrase(status), null),
        };
        problem.Extensions[Code] = code;
        problem.Detail ??= detail;
    }

    /// <summary>"Request Timeout" becomes "request-timeout".</summary>
    private static string FromReasonPhrase(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase
            ? phrase.ToLowerInvariant().Replace(' ', '-')
            : $"status-{status}";
}
