using System.Collections.Concurrent;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Members;
using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;
using Governance.Contracts.Tasks;

namespace Governance.Api.Grains;

/// <summary>
/// References to the grains a request needs. Orleans resolves a grain interface's types by reflection on every
/// GetGrain call, which showed as a hot spot under load, so the resolved types are kept per interface here.
/// </summary>
public sealed class GrainReferences(IGrainFactory factory)
{
    private readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> _types = new();

    public ICooperativeGrain Cooperative(string cooperativeId) => Get<ICooperativeGrain>(cooperativeId);

    public IProposalGrain Proposal(string cooperativeId, string proposalId) =>
        Get<IProposalGrain>(ProposalKey.Of(cooperativeId, proposalId));

    public IPriorityIndexGrain PriorityIndex(string cooperativeId) => Get<IPriorityIndexGrain>(cooperativeId);

    public IPriorityPollGrain PriorityPoll(string cooperativeId, string pollId) =>
        Get<IPriorityPollGrain>(PriorityPollKey.Of(cooperativeId, pollId));

    public ITaskGrain Task(string cooperativeId, string taskId) => Get<ITaskGrain>(TaskKey.Of(cooperativeId, taskId));

    public ITaskBoardGrain TaskBoard(string cooperativeId) => Get<ITaskBoardGrain>(cooperativeId);

    public IMemberGrain Person(string memberId) => Get<IMemberGrain>(memberId);

    private T Get<T>(string key)
        where T : IGrainWithStringKey
    {
        var (grainType, interfaceType) = _types.GetOrAdd(typeof(T), _ => ResolveTypes<T>());
        return (T)factory.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    private (GrainType, GrainInterfaceType) ResolveTypes<T>()
        where T : IGrainWithStringKey
    {
        var reference = (GrainReference)(object)factory.GetGrain<T>("type-probe");
        return (reference.GrainId.Type, reference.InterfaceType);
    }
}
