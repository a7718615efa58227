namespace Governance.Contracts.Errors;

/// <summary>The grain could not make the change durable and is reloading from its log; the request changed nothing and can be retried.</summary>
[GenerateSerializer]
[Alias("Governance.TemporarilyUnavailableException")]
public sealed class TemporarilyUnavailableException : Exception
{
    public TemporarilyUnavailableException()
        : base("The service could not store the change; nothing was changed. Retry the request.")
    {
    }

    public TemporarilyUnavailableException(string message)
        : base(message)
    {
    }

    public TemporarilyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
