using Governance.Contracts.Members;
using Governance.Contracts.Tasks;
using Governance.Domain.Members;
using Governance.Domain.Rules;
using Governance.Grains.EventSourcing;
using Governance.Grains.Storage;
using Governance.Grains.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Members;

[Reentrant]
public sealed class MemberGrain : EventSourcedGrain<MemberEvent>, IMemberGrain
{
    private readonly TimeProvider _clock;
    private readonly ILogger<MemberGrain> _logger;
    private readonly Member _state;

    public MemberGrain(
        IEventStore store,
        IOptions<EventSourcingOptions> options,
        IOptions<GovernanceLimits> limits,
        TimeProvider clock,
        ILogger<MemberGrain> logger)
        : base(store, options.Value, logger)
    {
        _clock = clock;
        _logger = logger;
        _state = new Member { Limits = limits.Value };
    }

    protected override string StreamId => $"member/{Id}";

    private string Id => this.GetPrimaryKeyString();

    /// <summary>Whether the person ever offered anything; until then no board needs to hear of them.</summary>
    private bool OffersTime => _state.Skills.Count > 0 || _state.WeeklyCapacityHours > 0;

    public async Task StartMembership(string cooperativeId, string? name)
    {
        var joins = !_state.Cooperatives.Contains(cooperativeId);
        var committed = Commit(_state.DecideStartMembership(cooperativeId, name, _clock.GetUtcNow()));
        var version = _state.Version;
        await committed;
        if (joins && OffersTime)
        {
            await TellBoardAsync(cooperativeId, board => board.SetVolunteer(Id, _state.Skills, _state.WeeklyCapacityHours, version));
        }
    }

    public async Task StartImportedMembership(string cooperativeId, string? name)
    {
        await StartMembership(cooperativeId, name);
        DeactivateOnIdle();
    }

    public async Task EndMembership(string cooperativeId)
    {
        var change = _state.DecideEndMembership(cooperativeId, _clock.GetUtcNow());
        var committed = Commit(change);
        var version = _state.Version;
        await committed;
        if (change is not null)
        {
            await TellBoardAsync(cooperativeId, board => board.RemoveVolunteer(Id, version));
        }
    }

    public async Task<MemberProfileView> Get()
    {
        await WhenDurable();
        return new MemberProfileView(Id, _state.Name, [.. _state.Cooperatives]);
    }

    public async Task<AvailabilityView> SetAvailability(IReadOnlyList<string>? skills, int? weeklyCapacityHours)
    {
        var change = _state.DecideSetAvailability(skills, weeklyCapacityHours, _clock.GetUtcNow());
        var committed = Commit(change);

        // Read now: the reports carry this version, so a board that hears of a later change first keeps the later one.
        var (version, availability, cooperatives) = (_state.Version, Availability(), _state.Cooperatives.ToList());
        await committed;
        if (change is not null)
        {
            await Task.WhenAll(cooperatives.Select(cooperativeId => TellBoardAsync(
                cooperativeId, board => board.SetVolunteer(Id, availability.Skills, availability.WeeklyCapacityHours, version))));
        }

        return availability;
    }

    public async Task<AvailabilityView> GetAvailability()
    {
        await WhenDurable();
        return Availability();
    }

    protected override void Apply(MemberEvent @event) => _state.Apply(@event);

    /// <summary>A person's log grows with their memberships and availability changes only, so replaying it is cheap.</summary>
    protected override bool KeepsSnapshots => false;

    protected override byte[]? WriteSnapshot() => null;

    protected override void RestoreSnapshot(byte[] snapshot) =>
        throw new InvalidOperationException("Member logs are never snapshotted.");

    private AvailabilityView Availability() => new(Id, _state.Skills, _state.WeeklyCapacityHours);

    /// <summary>Boards keep a copy of the directory for planning; the person here is the truth, so a failed report is logged, not returned.</summary>
    private async Task TellBoardAsync(string cooperativeId, Func<ITaskBoardGrain, Task> report)
    {
        try
        {
            await report(GrainFactory.GetGrain<ITaskBoardGrain>(cooperativeId));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.VolunteerReportFailed(exception, Id, cooperativeId);
        }
    }
}
