using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Paging;
using Governance.Contracts.Priorities;
using Governance.Domain.Identifiers;
using Governance.Domain.Priorities.Polls;
using Governance.Domain.Rules;
using Governance.Grains.Decisions;
using Governance.Grains.EventSourcing;
using Governance.Grains.Logging;
using Governance.Grains.Mapping;
using Governance.Grains.Paging;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Priorities;

/// <summary>
/// The list of a cooperative's priority polls, kept apart from the cooperative grain so that polls add nothing to the
/// cooperative's log or snapshot. It creates polls, so that an id is listed at most once.
/// </summary>
[Reentrant]
public sealed class PriorityIndexGrain : EventSourcedGrain<PollIndexEvent>, IPriorityIndexGrain
{
    private readonly TimeProvider _clock;
    private readonly GovernanceLimits _limits;
    private readonly ILogger<PriorityIndexGrain> _logger;
    private PollIndex _index = new();

    public PriorityIndexGrain(
        IEventStore store,
        IOptions<EventSourcingOptions> options,
        IOptions<GovernanceLimits> limits,
        TimeProvider clock,
        ILogger<PriorityIndexGrain> logger)
        : base(store, options.Value, logger)
    {
        _clock = clock;
        _limits = limits.Value;
        _logger = logger;
    }

    protected override string StreamId => $"priority-index/{Id}";

    private string Id => this.GetPrimaryKeyString();

    public async Task<DecisionView> CreatePoll(CreateDecisionCommand command)
    {
        await WhenDurable();
        var pollId = ResourceId.Require(command.Id, "id", _limits.MaxIdLength);
        _index.RequireUnregistered(pollId);
        await GrainFactory.GetGrain<ICooperativeGrain>(Id).AuthorizeDecisionCreation(command.CreatedBy, command.Topic);

        var poll = await GrainFactory.GetGrain<IDecisionGrain>(DecisionKey.Poll(Id, pollId)).Create(new DecisionDraft(Id, command));

        // Listed only once the poll exists, so the index never lists a poll that failed to be created.
        await Commit(_index.DecideRegister(pollId, poll.Title, poll.Topic, poll.Method.ToDomain(), poll.CreatedAt));
        return poll;
    }

    public async Task<Page<PriorityPollSummaryView>> ListPolls(PriorityPollStatus? status, string? cursor, int limit)
    {
        await WhenDurable();
        var (page, next) = _index.Read(status?.ToDomain(), Cursor.ToPosition(cursor), limit);
        return new Page<PriorityPollSummaryView>(
            [.. page.Select(summary => new PriorityPollSummaryView(
                summary.PollId, summary.Title, summary.Topic, summary.Method.ToContract().ToPriorityMethod(), summary.Status.ToContract().ToPollStatus(), summary.CreatedAt))],
            Cursor.FromPosition(next, _index.Polls.Count));
    }

    public async Task MemberLeft(string memberId)
    {
        await WhenDurable();
        var open = _index.Polls.Where(summary => summary.Status != Domain.Decisions.DecisionStatus.Closed);
        await Task.WhenAll(open.Select(summary => NoticeAsync(summary.PollId)));

        async Task NoticeAsync(string pollId)
        {
            try
            {
                await GrainFactory.GetGrain<IDecisionGrain>(DecisionKey.Poll(Id, pollId)).MemberLeft(memberId);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.DepartureNoticeFailed(exception, $"poll {pollId}", memberId, Id);
            }
        }
    }

    public Task PollStatusChanged(string pollId, DecisionStatus status) =>
        Commit(_index.DecideStatus(pollId, status.ToDomain(), _clock.GetUtcNow()));

    protected override void Apply(PollIndexEvent @event) => _index.Apply(@event);

    /// <summary>A snapshot holds every poll, so it waits for at least as many events as there are polls, keeping its cost O(1) per event.</summary>
    protected override bool SnapshotDue(long eventsSinceSnapshot, int snapshotEvery) =>
        eventsSinceSnapshot >= Math.Max(snapshotEvery, _index.Polls.Count);

    protected override byte[]? WriteSnapshot() =>
        _index.Polls.Count == 0 ? null : EventSerializer.Serialize(_index.ToSnapshot());

    protected override void RestoreSnapshot(byte[] snapshot) =>
        _index = PollIndex.FromSnapshot(EventSerializer.Deserialize<List<PollSummary>>(snapshot));
}
