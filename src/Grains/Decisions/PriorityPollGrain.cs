using Governance.Contracts.Decisions;
using Orleans.Concurrency;

namespace Governance.Grains.Decisions;

/// <summary>A decision counted by a ranking method. Its grain type is pinned, since its deadline reminders are stored under it.</summary>
[Reentrant]
[GrainType(DecisionKey.PollGrainType)]
public sealed class PriorityPollGrain(DecisionGrainServices services) : DecisionGrain(services, DecisionType.Poll);
