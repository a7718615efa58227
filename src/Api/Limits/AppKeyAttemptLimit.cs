namespace Governance.Api.Limits;

/// <summary>
/// Answers a request whose app key was refused unchecked, for too many failed checks of its key id, with 429 and
/// Retry-After rather than the 401 of a wrong key: the key may be good, and the client should wait, not give up.
/// Runs right after authentication, where the app key handler leaves an <see cref="AppKeyAttemptsExceeded"/>.
/// </summary>
public static class AppKeyAttemptLimit
{
    public static IApplicationBuilder UseAppKeyAttemptLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<AppKeyAttemptsExceeded>() is { } exceeded)
            {
                await TooManyRequests.WriteAsync(
                    context,
                    exceeded.RetryAfter,
                    "Too many failed checks of this app key id; retry after the time in Retry-After.",
                    "app-key-attempts-exceeded");
                return;
            }

            await next(context);
        });
}

/// <summary>Left on the request by the app key handler when it refused the key unchecked.</summary>
public sealed record AppKeyAttemptsExceeded(TimeSpan RetryAfter);
