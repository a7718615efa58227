namespace Governance.Domain.Decisions;

/// <summary>How a cooperative's index lists one decision: by id, with the status the decision last reported.</summary>
public interface IDecisionSummary<out TSelf>
    where TSelf : IDecisionSummary<TSelf>
{
    string DecisionId { get; }

    DecisionStatus Status { get; }

    TSelf WithStatus(DecisionStatus status);
}
