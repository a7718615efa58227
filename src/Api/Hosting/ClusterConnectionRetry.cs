namespace Governance.Api.Hosting;

/// <summary>
/// Keeps a client API waiting for the cluster at start-up (silos may start after it) instead of exiting; it stays
/// unready meanwhile, so it gets no traffic.
/// </summary>
public sealed partial class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        WaitingForCluster(logger, exception.Message);
        await Task.Delay(Pause, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of the cluster answered yet ({Reason}); retrying.")]
    private static partial void WaitingForCluster(ILogger logger, string reason);
}
