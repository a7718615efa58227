using Governance.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Governance.Api.Limits;

/// <summary>
/// Caps request bodies at Api:MaxRequestBodyBytes, or at the cap of the route's <see cref="RequestBodyLimitMetadata"/>
/// (so it runs after routing): a declared length over the cap is refused with 413 before anything is read, and the
/// server stops reading a streamed body at the cap.
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var defaultLimit = app.ApplicationServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        return app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimitMetadata>()?.MaxBytes ?? defaultLimit;
            if (context.Request.ContentLength > limit)
            {
                await TypedResults.Problem(
                        $"The request body may be at most {limit} bytes.",
                        statusCode: StatusCodes.Status413PayloadTooLarge,
                        title: "Request body too large",
                        extensions: new Dictionary<string, object?> { ["code"] = "body-too-large" })
                    .ExecuteAsync(context);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            await next(context);
        });
    }
}
