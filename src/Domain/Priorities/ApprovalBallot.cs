namespace Governance.Domain.Priorities;

/// <summary>The items this voter approves. <paramref name="Weight"/> is the number of members the voter carries.</summary>
public sealed record ApprovalBallot(IReadOnlyList<string> Approved, int Weight = 1);
