using Governance.Contracts.Decisions;
using Orleans.Concurrency;

namespace Governance.Grains.Decisions;

/// <summary>A decision counted by majority. Its grain type is pinned, since its deadline reminders are stored under it.</summary>
[Reentrant]
[GrainType(DecisionKey.ProposalGrainType)]
public sealed class ProposalGrain(DecisionGrainServices services) : DecisionGrain(services, DecisionType.Proposal);
