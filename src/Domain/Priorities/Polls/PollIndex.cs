using Governance.Domain.Decisions;
using Governance.Domain.Rules;

namespace Governance.Domain.Priorities.Polls;

/// <summary>
/// A cooperative's polls in the order they were created, with their statuses, so that listing by status needs no
/// call per poll. The polls themselves are the truth; the index follows them.
/// </summary>
public sealed class PollIndex
{
    private readonly DecisionList<PollSummary> _polls = new();

    public IReadOnlyList<PollSummary> Polls => _polls.Items;

    public bool Contains(string pollId) => _polls.Contains(pollId);

    /// <summary>A page of polls with the wanted status, and where the next page starts.</summary>
    public (IReadOnlyList<PollSummary> Page, int Next) Read(DecisionStatus? wanted, int position, int limit) => _polls.Read(wanted, position, limit);

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

    public PollIndexEvent? DecideStatus(string pollId, DecisionStatus status, DateTimeOffset now) =>
        _polls.Advances(pollId, status) ? new PollStatusChanged(now, pollId, status) : null;

    public IReadOnlyList<PollSummary> ToSnapshot() => [.. _polls.Items];

    public static PollIndex FromSnapshot(IReadOnlyList<PollSummary> polls)
    {
        var index = new PollIndex();
        foreach (var summary in polls)
        {
            index._polls.Add(summary);
        }

        return index;
    }

    public void Apply(PollIndexEvent @event)
    {
        switch (@event)
        {
            case PollRegistered registered:
                _polls.Add(new PollSummary(registered.PollId, registered.Title, registered.Topic, registered.Method, DecisionStatus.Discussion, registered.At));
                break;
            case PollStatusChanged changed:
                _polls.SetStatus(changed.PollId, changed.Status);
                break;
            default:
                throw new InvalidOperationException($"Unknown poll index event {@event.GetType().Name}.");
        }
    }
}
