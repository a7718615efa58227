using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Hosting;

/// <summary>
/// Runs a silo's host until it is asked to stop (SIGTERM), then gives the stop at most the shutdown timeout plus a
/// margin. The stop honours the timeout everywhere we control it (grain deactivation writes take its token, storage
/// calls have bounded retries), but with the membership table unreachable Orleans keeps retrying its own last status
/// updates regardless of the token: its membership agent waits up to a minute for the "Dead" row alone, and a silo
/// stopped with Azurite or Redis down took 120 s to exit. Past the bound the process exits anyway; the other silos find
/// it dead by their probes, as after a crash.
/// </summary>
public static partial class BoundedShutdown
{
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    public static async Task RunWithBoundedShutdownAsync(this IHost host, TimeSpan shutdownTimeout)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.StartAsync();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task;
        }

        var stopped = host.StopAsync();
        if (await Task.WhenAny(stopped, Task.Delay(shutdownTimeout + Margin)) != stopped)
        {
            // Disposing services that are still stopping would only add errors; the process ends with this method.
            StopAbandoned(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BoundedShutdown)), shutdownTimeout + Margin);
            return;
        }

        await stopped;
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silo had not stopped {Bound} after it was asked to; exiting without waiting further.")]
    private static partial void StopAbandoned(ILogger logger, TimeSpan bound);
}
