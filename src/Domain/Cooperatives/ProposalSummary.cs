using Governance.Domain.Decisions;

namespace Governance.Domain.Cooperatives;

/// <summary>A proposal as the cooperative's index lists it.</summary>
public sealed record ProposalSummary(string ProposalId, string Title, string? Topic, DecisionStatus Status, DateTimeOffset CreatedAt)
    : IDecisionSummary<ProposalSummary>
{
    string IDecisionSummary<ProposalSummary>.DecisionId => ProposalId;

    public ProposalSummary WithStatus(DecisionStatus status) => this with { Status = status };
}
