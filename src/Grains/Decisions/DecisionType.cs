using Governance.Domain.Decisions;

namespace Governance.Grains.Decisions;

/// <summary>
/// A kind of decision as the grains store and measure it: <paramref name="Name"/> prefixes its logs and tags it in the
/// governance meter, and <paramref name="Format"/> is how its logs are written.
/// </summary>
public sealed record DecisionType(DecisionKind Kind, string Name, DecisionLogFormat Format)
{
    public static readonly DecisionType Proposal = new(DecisionKind.Proposal, "proposal", DecisionLogFormat.Proposal);

    public static readonly DecisionType Poll = new(DecisionKind.Poll, "priority-poll", DecisionLogFormat.Poll);
}
