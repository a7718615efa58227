using Governance.Domain.Decisions;

namespace Governance.Grains.Decisions;

/// <summary>
/// A kind of decision as the grains store and measure it: <paramref name="Name"/> prefixes its logs and tags it in the
/// governance meter, <paramref name="Format"/> is how its logs are written, and <paramref name="Resource"/> is the path
/// segment of its routes, which names it as the source of its feed events.
/// </summary>
public sealed record DecisionType(DecisionKind Kind, string Name, DecisionLogFormat Format, string Resource)
{
    public static readonly DecisionType Proposal = new(DecisionKind.Proposal, "proposal", DecisionLogFormat.Proposal, "proposals");

    public static readonly DecisionType Poll = new(DecisionKind.Poll, "priority-poll", DecisionLogFormat.Poll, "priorities");
}
