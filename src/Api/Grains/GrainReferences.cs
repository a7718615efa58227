using System.Collections.Concurrent;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Contracts.Imports;
using Governance.Contracts.Members;
using Governance.Contracts.Priorities;
using Governance.Contracts.Security;
using Governance.Contracts.Tasks;
using Governance.Contracts.Webhooks;

namespace Governance.Api.Grains;

/// <summary>
/// References to the grains a request needs. Orleans resolves a grain interface's types by reflection on every
/// GetGrain call, which showed as a hot spot under load, so the resolved types are kept per interface here.
/// </summary>
public sealed class GrainReferences(IGrainFactory factory)
{
    private readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> _types = new();
    private GrainInterfaceType? _decisionInterface;

    public ICooperativeGrain Cooperative(string cooperativeId) => Get<ICooperativeGrain>(cooperativeId);

    public IDecisionGrain Proposal(string cooperativeId, string proposalId) => Decision(DecisionKey.Proposal(cooperativeId, proposalId));

    public IPriorityIndexGrain PriorityIndex(string cooperativeId) => Get<IPriorityIndexGrain>(cooperativeId);

    public IDecisionGrain PriorityPoll(string cooperativeId, string pollId) => Decision(DecisionKey.Poll(cooperativeId, pollId));

    public ITaskGrain Task(string cooperativeId, string taskId) => Get<ITaskGrain>(TaskKey.Of(cooperativeId, taskId));

    public ITaskBoardGrain TaskBoard(string cooperativeId) => Get<ITaskBoardGrain>(cooperativeId);

    public IFeedReaderGrain Feed(string cooperativeId) => Get<IFeedReaderGrain>(cooperativeId);

    /// <summary>The feed itself, to watch its end; pages are read through <see cref="Feed"/>.</summary>
    public IFeedGrain FeedLog(string cooperativeId) => Get<IFeedGrain>(cooperativeId);

    public IWebhookRegistryGrain WebhookRegistry(string cooperativeId) => Get<IWebhookRegistryGrain>(cooperativeId);

    public IWebhookGrain Webhook(string cooperativeId, string webhookId) => Get<IWebhookGrain>(WebhookKey.Of(cooperativeId, webhookId));

    public IMemberImportGrain MemberImport(string cooperativeId, string importId) => Get<IMemberImportGrain>(MemberImportKey.Of(cooperativeId, importId));

    public IMemberGrain Person(string memberId) => Get<IMemberGrain>(memberId);

    public IStreamTicketGrain StreamTicket(string ticketHash) => Get<IStreamTicketGrain>(ticketHash);

    /// <summary>Decisions of both kinds share one interface, so the grain type comes from the id, never from the interface.</summary>
    private IDecisionGrain Decision(GrainId grainId)
    {
        var interfaceType = _decisionInterface ??= ((GrainReference)(object)factory.GetGrain<IDecisionGrain>(grainId)).InterfaceType;
        return (IDecisionGrain)factory.GetGrain(grainId, interfaceType);
    }

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
