using Governance.Domain.Decisions;

namespace Governance.Domain.Priorities.Polls;

/// <summary>A poll as its cooperative's index lists it.</summary>
public sealed record PollSummary(string PollId, string Title, string? Topic, CountingMethod Method, DecisionStatus Status, DateTimeOffset CreatedAt)
    : IDecisionSummary<PollSummary>
{
    string IDecisionSummary<PollSummary>.DecisionId => PollId;

    public PollSummary WithStatus(DecisionStatus status) => this with { Status = status };
}
