using Governance.Contracts.Decisions;

namespace Governance.Grains.Decisions;

/// <summary>
/// A decision's latest live result and the watchers waiting for the next one. It is used on the grain's scheduler
/// only, so it needs no locks. Watchers compare by reference: each published result is a new object, counted once.
/// </summary>
internal sealed class LiveResults
{
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LiveResult? Latest { get; private set; }

    public int Watchers { get; private set; }

    public void Join() => Watchers++;

    public void Leave() => Watchers--;

    public void Publish(LiveResult result)
    {
        Latest = result;
        var published = _published;
        _published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        published.SetResult();
    }

    /// <summary>The latest result if the watcher has not seen it yet, else the next one published.</summary>
    public async Task<LiveResult> NextAsync(LiveResult seen, CancellationToken cancellationToken)
    {
        while (ReferenceEquals(Latest, seen))
        {
            await _published.Task.WaitAsync(cancellationToken);
        }

        return Latest!;
    }
}
