namespace Governance.Grains.Storage.Sqlite;

/// <summary>One caller's write, queued for the writer loop and completed once its batch is committed.</summary>
internal abstract class SqliteWriteRequest(CancellationToken cancellationToken)
{
    // Continuations run off the writer loop, so callers never delay the next batch.
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task Completion => completion.Task;

    /// <summary>Writes inside the batch's transaction; a stale expected version throws before anything is written.</summary>
    public abstract void Apply(SqliteWriteCommands commands);

    public void Succeed() => completion.TrySetResult();

    public void Fail(Exception exception) => completion.TrySetException(exception);

    public void Cancel() => completion.TrySetCanceled(CancellationToken);
}
