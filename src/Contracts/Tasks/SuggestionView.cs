namespace Governance.Contracts.Tasks;

/// <summary>
/// One suggested pair and why: the share of required skills the member has (<paramref name="Fit"/>), the task's
/// priority, the skills that match, the effort, and the member's hours: those their suggestions use together, those
/// their claimed tasks already hold, and those free for suggestions (weekly capacity less the held hours).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.SuggestionView")]
public sealed record SuggestionView(
    [property: Id(0)] string TaskId,
    [property: Id(1)] string Title,
    [property: Id(2)] string MemberId,
    [property: Id(3)] double Fit,
    [property: Id(4)] double Priority,
    [property: Id(5)] IReadOnlyList<string> MatchedSkills,
    [property: Id(6)] int EffortHours,
    [property: Id(7)] int MemberHoursUsed,
    [property: Id(8)] int MemberHoursHeld,
    [property: Id(9)] int MemberCapacityHours,
    [property: Id(10)] double Score);

/// <summary>The suggestions by task id, and their total score: the sum of priority × fit the plan achieves.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.SuggestionsView")]
public sealed record SuggestionsView([property: Id(0)] IReadOnlyList<SuggestionView> Suggestions, [property: Id(1)] double TotalScore);
