using System.Collections.Concurrent;
using Orleans.Storage;

namespace Governance.Grains.Tests.Webhooks;

/// <summary>Grain storage in memory that can hold the next write of one state name, to catch a grain in the middle of it.</summary>
internal sealed class HeldWritesGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string, GrainId), (object State, string ETag)> _states = new();
    private readonly Lock _lock = new();
    private (string StateName, TaskCompletionSource Reached, TaskCompletionSource Released)? _hold;

    /// <summary>Holds the next write of <paramref name="stateName"/>: the first task completes when it arrives, and it goes on once the second is completed.</summary>
    public (Task Reached, TaskCompletionSource Release) HoldNextWrite(string stateName)
    {
        var hold = (stateName, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            _hold = hold;
        }

        return (hold.Item2.Task, hold.Item3);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = (T)stored.State;
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await WaitIfHeld(stateName);
        var etag = Guid.NewGuid().ToString("N");
        _states[(stateName, grainId)] = (grainState.State!, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await WaitIfHeld(stateName);
        _states.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task WaitIfHeld(string stateName)
    {
        Task? released = null;
        lock (_lock)
        {
            if (_hold is { } hold && hold.StateName == stateName)
            {
                _hold = null;
                hold.Reached.SetResult();
                released = hold.Released.Task;
            }
        }

        if (released is not null)
        {
            await released;
        }
    }
}
