using Governance.Grains.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Governance.Grains.Storage.GrainState;

/// <summary>
/// Orleans grain storage for a single node, in the embedded SQLite file that holds the event logs, in a table of its own.
/// It serves small state a grain rewrites whole; the state is stored as JSON (<see cref="GrainStateJsonSerializer"/>).
/// Writes go through the event store's writer, in its group commits: a second writer on the file would hold the lock
/// for a commit of its own while the appends behind it wait.
/// </summary>
/// <remarks>
/// Every write issues a fresh random ETag and succeeds only when the caller holds the stored one (none for a record
/// that does not exist yet), so a second activation can never silently overwrite the first: it gets an
/// <see cref="InconsistentStateException"/>. Clearing deletes the row, under the same check.
/// </remarks>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly SqliteEventStore store;
    private readonly IActivatorProvider activators;

    public SqliteGrainStorage(SqliteEventStore store, IActivatorProvider activators)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(activators);
        this.store = store;
        this.activators = activators;
    }

    /// <summary>Creates the table before grains activate.</summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SqliteGrainStorage), ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    /// <summary>Creates the grain state table when missing.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        store.ExecuteAsync(SqliteGrainStateSchema.Create, static _ => { }, cancellationToken);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = SqliteGrainStateKey.Of(stateName, grainId);
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT etag, data FROM grain_state WHERE {SqliteGrainStateKey.Match}";
        key.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            Reset(grainState);
            return;
        }

        var stored = GrainStateJsonSerializer.Instance.Deserialize<T>(BinaryData.FromString(reader.GetString(1)));
        grainState.State = stored ?? CreateState<T>();
        grainState.ETag = reader.GetString(0);
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = SqliteGrainStateKey.Of(stateName, grainId);
        var expectedETag = grainState.ETag;
        var newETag = Guid.NewGuid().ToString("N");
        var data = GrainStateJsonSerializer.Instance.Serialize(grainState.State).ToString();

        // Without an ETag the caller believes nothing is stored: the insert must not replace a row another activation wrote.
        var written = string.IsNullOrEmpty(expectedETag)
            ? await ExecuteAsync(
                """
                INSERT INTO grain_state (grain_type, grain_id, state_name, etag, data)
                VALUES ($grain_type, $grain_id, $state_name, $etag, $data)
                ON CONFLICT DO NOTHING
                """,
                key,
                command => BindWrite(command, newETag, data),
                cancellationToken)
            : await ExecuteAsync(
                $"UPDATE grain_state SET etag = $etag, data = $data WHERE {SqliteGrainStateKey.Match} AND etag = $expected_etag",
                key,
                command =>
                {
                    BindWrite(command, newETag, data);
                    command.Parameters.AddWithValue("$expected_etag", expectedETag);
                },
                cancellationToken);
        if (written == 0)
        {
            throw await ConflictAsync(key, expectedETag, cancellationToken);
        }

        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = SqliteGrainStateKey.Of(stateName, grainId);
        var expectedETag = grainState.ETag;
        if (string.IsNullOrEmpty(expectedETag))
        {
            // Nothing is believed stored, so there is nothing to delete; a row another activation wrote is a conflict.
            if (await ReadStoredETagAsync(key, cancellationToken) is not null)
            {
                throw await ConflictAsync(key, expectedETag, cancellationToken);
            }
        }
        else if (await ExecuteAsync(
            $"DELETE FROM grain_state WHERE {SqliteGrainStateKey.Match} AND etag = $expected_etag",
            key,
            command => command.Parameters.AddWithValue("$expected_etag", expectedETag),
            cancellationToken) == 0)
        {
            throw await ConflictAsync(key, expectedETag, cancellationToken);
        }

        Reset(grainState);
    }

    private static void BindWrite(SqliteCommand command, string etag, string data)
    {
        command.Parameters.AddWithValue("$etag", etag);
        command.Parameters.AddWithValue("$data", data);
    }

    private void Reset<T>(IGrainState<T> grainState)
    {
        grainState.State = CreateState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private T CreateState<T>() => activators.GetActivator<T>().Create();

    private async Task<InconsistentStateException> ConflictAsync(SqliteGrainStateKey key, string? expectedETag, CancellationToken cancellationToken)
    {
        var storedETag = await ReadStoredETagAsync(key, cancellationToken);
        return new InconsistentStateException(
            $"The stored {key} has ETag '{storedETag ?? "none"}', not the expected '{expectedETag ?? "none"}'.",
            storedETag,
            expectedETag);
    }

    private async Task<string?> ReadStoredETagAsync(SqliteGrainStateKey key, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT etag FROM grain_state WHERE {SqliteGrainStateKey.Match}";
        key.Bind(command);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private Task<int> ExecuteAsync(string sql, SqliteGrainStateKey key, Action<SqliteCommand> bind, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            sql,
            command =>
            {
                key.Bind(command);
                bind(command);
            },
            cancellationToken);
}
