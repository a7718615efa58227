using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.Sqlite;

/// <summary>
/// The single writer. Each turn it takes every request waiting at that moment and commits them in one transaction,
/// so concurrent writers share one fsync (group commit). A request whose expected version is stale fails alone,
/// before it writes anything; any other failure rolls the whole transaction back and fails every request in it.
/// </summary>
internal sealed class SqliteWriteLoop : IAsyncDisposable
{
    private static readonly Meter Meter = new(SqliteEventStore.MeterName);
    private static readonly Histogram<int> RequestsPerTransaction = Meter.CreateHistogram<int>(
        "governance.event_store.sqlite.requests_per_transaction",
        unit: "{request}",
        description: "Write requests committed together in one SQLite transaction.");

    private readonly Channel<SqliteWriteRequest> queue = Channel.CreateUnbounded<SqliteWriteRequest>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection connection;
    private readonly SqliteWriteCommands commands;
    private readonly Task loop;
    private long transactionCount;
    private long requestCount;

    public SqliteWriteLoop(SqliteConnection connection)
    {
        this.connection = connection;
        commands = new SqliteWriteCommands(connection);
        // A thread of its own: each batch blocks for an fsync, which would otherwise hold a thread-pool worker.
        loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public long TransactionCount => Interlocked.Read(ref transactionCount);

    public long RequestCount => Interlocked.Read(ref requestCount);

    public Task WriteAsync(SqliteWriteRequest request)
    {
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(request), typeof(SqliteEventStore));
        return request.Completion;
    }

    /// <summary>Stops accepting requests, writes those already queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        commands.Dispose();
        await connection.DisposeAsync();
    }

    private void Run()
    {
        var batch = new List<SqliteWriteRequest>();
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (queue.Reader.TryRead(out var request))
            {
                if (request.CancellationToken.IsCancellationRequested)
                {
                    request.Cancel();
                }
                else
                {
                    batch.Add(request);
                }
            }

            if (batch.Count > 0)
            {
                WriteBatch(batch);
                batch.Clear();
            }
        }
    }

    private void WriteBatch(List<SqliteWriteRequest> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            using var transaction = connection.BeginTransaction();
            commands.Enlist(transaction);
            for (var index = 0; index < batch.Count; index++)
            {
                try
                {
                    batch[index].Apply(commands);
                }
                catch (EventStoreConcurrencyException conflict)
                {
                    failures[index] = conflict;
                }
            }

            transaction.Commit();
        }
        catch (Exception exception)
        {
            // The whole transaction is lost, so requests that had succeeded inside it fail too. The loop lives on for later batches.
            commands.ForgetHeads();
            for (var index = 0; index < batch.Count; index++)
            {
                failures[index] ??= exception;
            }
        }

        Interlocked.Increment(ref transactionCount);
        Interlocked.Add(ref requestCount, batch.Count);
        RequestsPerTransaction.Record(batch.Count);
        for (var index = 0; index < batch.Count; index++)
        {
            if (failures[index] is { } failure)
            {
                batch[index].Fail(failure);
            }
            else
            {
                batch[index].Succeed();
            }
        }
    }
}
