using System.Diagnostics;
using Governance.Contracts.Errors;

namespace Governance.Api.Retries;

/// <summary>
/// Runs an idempotent request's handler again when its grain call fails transiently, within a budget that keeps the
/// whole request under 5 s: an attempt gets what is left of <see cref="Budget"/>, and a new one starts only with at
/// least <see cref="MinimumAttempt"/> left. The handler is the same delegate with the same bound arguments, so an attempt
/// repeats exactly what the first one asked. A create that finds its id taken on a retry asks the route's
/// <see cref="OwnCreate"/> whether the stored resource is the one its earlier attempt made before the answer was lost.
/// </summary>
public sealed class RetryWhenUnavailableFilter : IEndpointFilter
{
    /// <summary>A grain call may take the response timeout (3 s); then one more attempt still fits.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    public static readonly TimeSpan MinimumAttempt = TimeSpan.FromMilliseconds(500);

    /// <summary>The pause before a retry: a silo that refused because the grain's old silo is not yet declared dead soon knows.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var ownCreate = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OwnCreate>();
        if (ownCreate is not null && !ownCreate.NamesId(context))
        {
            return await next(context);
        }

        // Wall-clock time, not the application's TimeProvider: the budget bounds how long a caller waits.
        var started = Stopwatch.GetTimestamp();
        var retried = false;
        while (true)
        {
            try
            {
                return await next(context).AsTask().WaitAsync(Budget - Stopwatch.GetElapsedTime(started));
            }
            catch (Exception exception) when (TransientFaults.IsTransient(exception)
                && Budget - Stopwatch.GetElapsedTime(started) - Pause >= MinimumAttempt)
            {
                retried = true;
                await Task.Delay(Pause);
            }
            catch (GovernanceException conflict) when (conflict.Kind == ErrorKind.Conflict && retried && ownCreate is not null)
            {
                if (await RecognizeAsync(ownCreate, context) is { } own)
                {
                    return own;
                }

                throw;
            }
        }
    }

    /// <summary>A resource that cannot be read back is not recognised: the conflict stands.</summary>
    private static async Task<object?> RecognizeAsync(OwnCreate ownCreate, EndpointFilterInvocationContext context)
    {
        try
        {
            return await ownCreate.RecognizeAsync(context);
        }
        catch (GovernanceException)
        {
            return null;
        }
    }
}
