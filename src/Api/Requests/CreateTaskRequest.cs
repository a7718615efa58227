namespace Governance.Api.Requests;

/// <summary>A new task. Without a link its priority is the default; effort is in whole hours.</summary>
public sealed record CreateTaskRequest(
    string? Id,
    string Title,
    string? Description,
    IReadOnlyList<string>? RequiredSkills,
    int? EffortHours,
    DateTimeOffset? DueAt,
    TaskLinkRequest? Link);

/// <summary>What the task serves: <c>{"proposalId"}</c> for an accepted proposal, or <c>{"pollId", "itemId"}</c> for a poll item.</summary>
public sealed record TaskLinkRequest(string? ProposalId, string? PollId, string? ItemId);
