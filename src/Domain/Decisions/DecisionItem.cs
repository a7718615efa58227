namespace Governance.Domain.Decisions;

/// <summary>One thing a ranking decision prioritizes. The id is what ballots name; the title is what members read.</summary>
public sealed record DecisionItem(string Id, string Title);
