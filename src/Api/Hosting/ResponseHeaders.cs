using Governance.Api.Streams;

namespace Governance.Api.Hosting;

/// <summary>
/// Headers every response carries. nosniff everywhere, so a browser never runs a body as a type it guessed. no-store
/// on /v1, errors included, since ballots, rosters and problem details must not linger in browser or proxy caches;
/// Swagger UI and the OpenAPI document hold nothing private, so they stay cacheable. Live streams add no-cache, which
/// proxies that buffer event streams read as the sign not to.
/// </summary>
public static class ResponseHeaders
{
    public static IApplicationBuilder UseGovernanceResponseHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the response starts, not now: the exception handler clears the headers of a failed request, and
            // callbacks run last-registered first, so this one, registered before any other, has the final word.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.Request.Path.StartsWithSegments("/v1"))
                {
                    headers.CacheControl = context.Response.ContentType == ServerSentEventWriter.ContentType ? "no-cache, no-store" : "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
