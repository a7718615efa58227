using Governance.Domain.Decisions;

namespace Governance.Grains.Decisions;

/// <summary>A kind of decision as the grains store and measure it: its log's name and its tag in the governance meter.</summary>
public sealed record DecisionType(DecisionKind Kind, string StreamPrefix, string MetricTag)
{
    public static readonly DecisionType Proposal = new(DecisionKind.Proposal, "proposal", "proposal");

    public static readonly DecisionType Poll = new(DecisionKind.Poll, "priority-poll", "priority-poll");
}
