using Governance.Domain.Rules;
using Governance.Grains.EventSourcing;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Decisions;

/// <summary>What every decision grain is built with, in one place so each kind's grain class only names its kind.</summary>
public sealed class DecisionGrainServices(
    IEventStore store,
    IOptions<EventSourcingOptions> eventSourcing,
    IOptions<DecisionOptions> options,
    IOptions<GovernanceLimits> limits,
    TimeProvider clock,
    ILogger<DecisionGrain> logger)
{
    public IEventStore Store { get; } = store;

    public EventSourcingOptions EventSourcing { get; } = eventSourcing.Value;

    public DecisionOptions Options { get; } = options.Value;

    public GovernanceLimits Limits { get; } = limits.Value;

    public TimeProvider Clock { get; } = clock;

    public ILogger<DecisionGrain> Logger { get; } = logger;
}
