namespace Governance.Domain.Priorities.Polls;

/// <summary>One thing a poll prioritizes. The id is what ballots name; the title is what members read.</summary>
public sealed record PollItem(string Id, string Title);
