using Governance.Contracts.Errors;

namespace Governance.Api.Retries;

/// <summary>
/// Failures that say nothing about the request: a silo died or is unreachable, a message was rejected on the way, a
/// call was not answered in time, or the store could not take the change. They are answered with 503, and an
/// idempotent request is retried on them.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception) =>
        exception is TemporarilyUnavailableException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException;
}
