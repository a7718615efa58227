using Governance.Domain.Decisions;
using Governance.Domain.Rules;

namespace Governance.Domain.Priorities.Polls;

/// <summary>
/// A cooperative's polls in the order they were created, with their statuses, so that listing by status needs no
/// call per poll. The polls themselves are the truth; the index follows them.
/// </summary>
public sealed class PollIndex
{
    private readonly List<PollSummary> _polls = [];
    private readonly Dictionary<string, int> _positionById = new(StringComparer.Ordinal);

    public IReadOnlyList<PollSummary> Polls => _polls;

    public bool Contains(string pollId) => _positionById.ContainsKey(pollId);

    public void RequireUnregistered(string pollId)
    {
        if (Contains(pollId))
        {
            throw RuleViolationException.Conflict("poll-exists", $"A poll with id '{pollId}' already exists.");
        }
    }

    public PollIndexEvent DecideRegister(string pollId, string title, string? topic, CountingMethod method, DateTimeOffset createdAt)
    {
        RequireUnregistered(pollId);
        return new PollRegistered(createdAt, pollId, title, topic, method);
    }

    /// <summary>Statuses only move forward, so notifications that arrive out of order never set one back.</summary>
    public PollIndexEvent? DecideStatus(string pollId, DecisionStatus status, DateTimeOffset now) =>
        _positionById.TryGetValue(pollId, out var position) && _polls[position].Status < status
            ? new PollStatusChanged(now, pollId, status)
            : null;

    public IReadOnlyList<PollSummary> ToSnapshot() => [.. _polls];

    public static PollIndex FromSnapshot(IReadOnlyList<PollSummary> polls)
    {
        var index = new PollIndex();
        foreach (var summary in polls)
        {
            index.Add(summary);
        }

        return index;
    }

    public void Apply(PollIndexEvent @event)
    {
        switch (@event)
        {
            case PollRegistered registered:
                Add(new PollSummary(registered.PollId, registered.Title, registered.Topic, registered.Method, DecisionStatus.Discussion, registered.At));
                break;
            case PollStatusChanged changed:
                var position = _positionById[changed.PollId];
                _polls[position] = _polls[position] with { Status = changed.Status };
                break;
            default:
                throw new InvalidOperationException($"Unknown poll index event {@event.GetType().Name}.");
        }
    }

    private void Add(PollSummary summary)
    {
        _positionById[summary.PollId] = _polls.Count;
        _polls.Add(summary);
    }
}
