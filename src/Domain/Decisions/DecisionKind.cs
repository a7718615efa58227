namespace Governance.Domain.Decisions;

/// <summary>
/// What members call a decision, which its error codes and messages name: a proposal (counted by majority) or a
/// priority poll (counted by a ranking method).
/// </summary>
public sealed record DecisionKind(string Noun, string NotFoundMessage)
{
    public static readonly DecisionKind Proposal = new("proposal", "No proposal has this id.");

    public static readonly DecisionKind Poll = new("poll", "No priority poll has this id.");

    public static DecisionKind Of(CountingMethod method) => method == CountingMethod.Majority ? Proposal : Poll;
}
