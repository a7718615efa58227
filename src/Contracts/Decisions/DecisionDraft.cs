namespace Governance.Contracts.Decisions;

/// <summary>
/// A decision as its cooperative's index hands it to the decision grain, once the creator's right and the topic are
/// checked; a majority decision's command already carries the quorum and threshold that apply.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionDraft")]
public sealed record DecisionDraft([property: Id(0)] string CooperativeId, [property: Id(1)] CreateDecisionCommand Command);
