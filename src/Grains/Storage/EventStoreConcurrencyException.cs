namespace Governance.Grains.Storage;

/// <summary>An append expected a stream version that another writer has already moved past.</summary>
public sealed class EventStoreConcurrencyException : Exception
{
    public EventStoreConcurrencyException(string streamId, long expectedVersion, long actualVersion)
        : base($"Stream '{streamId}' is at version {actualVersion}, not the expected {expectedVersion}.")
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    public EventStoreConcurrencyException()
        : this("", 0, 0)
    {
    }

    public EventStoreConcurrencyException(string message)
        : base(message)
    {
        StreamId = "";
    }

    public EventStoreConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
        StreamId = "";
    }

    public string StreamId { get; }

    public long ExpectedVersion { get; }

    public long ActualVersion { get; }
}
