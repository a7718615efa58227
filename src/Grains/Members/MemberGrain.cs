using Governance.Contracts.Members;
using Governance.Domain.Members;
using Governance.Grains.EventSourcing;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Members;

[Reentrant]
public sealed class MemberGrain : EventSourcedGrain<MemberEvent>, IMemberGrain
{
    private readonly TimeProvider _clock;
    private readonly Member _state = new();

    public MemberGrain(IEventStore store, IOptions<EventSourcingOptions> options, TimeProvider clock, ILogger<MemberGrain> logger)
        : base(store, options.Value, logger)
    {
        _clock = clock;
    }

    protected override string StreamId => $"member/{this.GetPrimaryKeyString()}";

    public Task StartMembership(string cooperativeId, string? name) =>
        Commit(_state.DecideStartMembership(cooperativeId, name, _clock.GetUtcNow()));

    public Task EndMembership(string cooperativeId) =>
        Commit(_state.DecideEndMembership(cooperativeId, _clock.GetUtcNow()));

    public async Task<MemberProfileView> Get()
    {
        await WhenDurable();
        return new MemberProfileView(this.GetPrimaryKeyString(), _state.Name, [.. _state.Cooperatives]);
    }

    protected override void Apply(MemberEvent @event) => _state.Apply(@event);

    /// <summary>A person's log grows with their memberships only, so replaying it is cheap.</summary>
    protected override byte[]? WriteSnapshot() => null;

    protected override void RestoreSnapshot(byte[] snapshot) =>
        throw new InvalidOperationException("Member logs are never snapshotted.");
}
