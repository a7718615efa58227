namespace Governance.Api.Requests;

/// <summary>A new task. Without a link its priority is the default; effort is in whole hours.</summary>
/// <param name="Id">The task's id: 1–64 letters, digits, '-', '_' or '.', and not "suggestions"; generated when left out.</param>
/// <param name="Title">What is to be done, up to 200 characters.</param>
/// <param name="Description">The details, up to 20,000 characters; optional.</param>
/// <param name="RequiredSkills">Skill ids a volunteer should offer, used to suggest assignments; optional.</param>
/// <param name="EffortHours">The expected effort in whole hours, used to fit members' weekly capacity; optional.</param>
/// <param name="DueAt">When the task should be done; optional.</param>
/// <param name="Link">What the task serves, an accepted proposal or a poll item, which gives it its priority; optional.</param>
public sealed record CreateTaskRequest(
    string? Id,
    string Title,
    string? Description,
    IReadOnlyList<string>? RequiredSkills,
    int? EffortHours,
    DateTimeOffset? DueAt,
    TaskLinkRequest? Link);

/// <summary>What the task serves: <c>{"proposalId"}</c> for an accepted proposal, or <c>{"pollId", "itemId"}</c> for a poll item.</summary>
/// <param name="ProposalId">An accepted proposal the task carries out; not with pollId.</param>
/// <param name="PollId">A priority poll whose item the task serves, with itemId.</param>
/// <param name="ItemId">The item of that poll; its place in the poll's result gives the task its priority.</param>
public sealed record TaskLinkRequest(string? ProposalId, string? PollId, string? ItemId);
