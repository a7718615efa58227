using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>
/// The lifecycle both kinds of decision share: discussion, voting with a fixed eligible set, closed. The kind
/// changes only the noun in codes and messages, so each theory runs for a proposal and a poll.
/// </summary>
public sealed class DecisionLifecycleTests
{
    private static readonly string[] Members = ["ann", "ben", "cat"];

    [Theory]
    [InlineData("proposal", "")]
    [InlineData("proposal", "   ")]
    [InlineData("poll", "")]
    [InlineData("poll", "   ")]
    public void A_blank_title_is_invalid(string noun, string title)
    {
        var kind = Kind(noun);

        AssertInvalid("invalid-title", "title", () => new Decision(kind).DecideCreate("bakery", Definition(kind) with { Title = title }, Author, Now));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void A_title_or_body_over_the_limit_is_invalid(string noun)
    {
        var kind = Kind(noun);
        var longTitle = new string('t', GovernanceLimits.Default.MaxTitleLength + 1);
        var longBody = new string('b', GovernanceLimits.Default.MaxBodyLength + 1);

        AssertInvalid("invalid-title", "title", () => new Decision(kind).DecideCreate("bakery", Definition(kind) with { Title = longTitle }, Author, Now));
        AssertInvalid("invalid-body", "body", () => new Decision(kind).DecideCreate("bakery", Definition(kind) with { Body = longBody }, Author, Now));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void A_deadline_that_is_not_in_the_future_is_invalid(string noun)
    {
        var kind = Kind(noun);

        AssertInvalid("invalid-closes-at", "closesAt", () => new Decision(kind).DecideCreate("bakery", Definition(kind) with { ClosesAt = Now }, Author, Now));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void Creating_again_with_the_same_definition_changes_nothing_in_any_status(string noun)
    {
        var kind = Kind(noun);
        var inDiscussion = InDiscussion(kind);
        var inVoting = InVoting(kind);
        var closed = InVoting(kind).Close(Roster(Members), NoDelegations(Members));

        Assert.Null(inDiscussion.DecideCreate("bakery", Definition(kind), Author, Now.AddMinutes(1)));
        Assert.Null(inVoting.DecideCreate("bakery", Definition(kind), Author, Now.AddMinutes(1)));
        Assert.Null(closed.DecideCreate("bakery", Definition(kind), Author, Now.AddMinutes(1)));
        Assert.Equal((1, 2, 3), (inDiscussion.Version, inVoting.Version, closed.Version));
    }

    [Theory]
    [InlineData("proposal", "proposal-not-found", "No proposal has this id.")]
    [InlineData("poll", "poll-not-found", "No priority poll has this id.")]
    public void A_decision_that_does_not_exist_is_not_found_under_its_kinds_noun(string noun, string code, string message)
    {
        var kind = Kind(noun);
        Func<Decision, object?>[] commands =
        [
            decision => decision.DecideOpen(1, Author, Now),
            decision => decision.DecideCastBallot("ann", ValidBallot(kind), true, Now),
            decision => decision.DecideWithdrawBallot("ann", true, Now),
            decision => decision.DecideSetDelegation("ann", "ben", Now),
            decision => decision.DecideClearDelegation("ann", Now),
            decision => decision.DecideMemberLeft("ann", Now),
            decision => decision.DecideClose(Roster(Members), NoDelegations(Members), CloseReason.Requested, Now, Author),
            decision => decision.BallotWeights(null, null),
            decision => decision.Result(null, null),
            decision => decision.Method,
            decision => decision.ToSnapshot(),
        ];

        foreach (var command in commands)
        {
            var violation = AssertViolation(RuleViolationKind.NotFound, code, () => command(new Decision(kind)));
            Assert.Equal(message, violation.Message);
        }
    }

    [Theory]
    [InlineData("proposal", "proposal-exists")]
    [InlineData("poll", "poll-exists")]
    public void A_different_definition_for_an_existing_id_is_a_conflict_under_its_kinds_noun(string noun, string code)
    {
        var kind = Kind(noun);

        var violation = AssertViolation(
            RuleViolationKind.Conflict, code, () => InDiscussion(kind).DecideCreate("bakery", Definition(kind) with { Title = "Other" }, Author, Now));
        Assert.Equal($"A {noun} with this id already exists.", violation.Message);
    }

    /// <summary>A proposal is counted by majority and a poll by a ranking method; a decision of one kind is never created with the other's.</summary>
    [Theory]
    [InlineData("proposal", CountingMethod.Schulze)]
    [InlineData("poll", CountingMethod.Majority)]
    public void A_decision_is_counted_by_a_method_of_its_own_kind(string noun, CountingMethod method)
    {
        var kind = Kind(noun);

        AssertInvalid("invalid-method", "method", () => new Decision(kind).DecideCreate("bakery", Definition(kind) with { Method = method }, Author, Now));
    }

    /// <summary>An id already taken answers as taken, whatever else is wrong with the new definition.</summary>
    [Theory]
    [InlineData("proposal", "proposal-exists")]
    [InlineData("poll", "poll-exists")]
    public void An_invalid_definition_for_an_existing_id_is_a_conflict_not_a_validation_error(string noun, string code)
    {
        var kind = Kind(noun);
        var decision = InDiscussion(kind);

        AssertConflict(code, () => decision.DecideCreate("bakery", Definition(kind) with { Title = " " }, Author, Now));
    }

    /// <summary>A client retrying a create it never saw answered may do so after the deadline it set has passed.</summary>
    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void Creating_again_after_the_deadline_passed_changes_nothing(string noun)
    {
        var kind = Kind(noun);
        var decision = InDiscussion(kind);

        Assert.Null(decision.DecideCreate("bakery", Definition(kind), Author, Deadline.AddDays(1)));
    }

    [Theory]
    [InlineData("proposal", "proposal-closed")]
    [InlineData("poll", "poll-closed")]
    public void Delegations_after_the_close_are_refused_under_its_kinds_noun(string noun, string code)
    {
        var kind = Kind(noun);
        var closed = InVoting(kind).Delegate("ben", "ann").Close(Roster(Members), NoDelegations(Members));

        AssertConflict(code, () => closed.DecideSetDelegation("ben", "cat", Now));
        AssertConflict(code, () => closed.DecideClearDelegation("ben", Now));
        AssertConflict(code, () => InVoting(kind).DecideSetDelegation("ben", "cat", Deadline));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void Opening_fixes_the_roster_version_once_and_starts_voting(string noun)
    {
        var decision = InDiscussion(Kind(noun));

        var opened = decision.DecideOpen(42, Author, Now.AddHours(1));
        decision.Apply(opened);

        Assert.Equal(new VotingOpened(Now.AddHours(1), 42, Author), opened);
        Assert.Equal((DecisionStatus.Voting, 42L), (decision.Status, decision.RosterVersion!.Value));
        Assert.Equal(Now.AddHours(1), decision.Opened!.At);
        AssertConflict("not-in-discussion", () => decision.DecideOpen(43, Author, Now));
        AssertConflict("not-in-discussion", () => InVoting(Kind(noun)).DecideOpen(2, Author, Now));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void Opening_after_the_deadline_is_a_conflict(string noun)
    {
        AssertConflict("deadline-passed", () => InDiscussion(Kind(noun)).DecideOpen(1, Author, Deadline));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void Only_a_decision_in_voting_closes(string noun)
    {
        var kind = Kind(noun);
        var roster = Roster(Members);
        var layers = NoDelegations(Members);

        AssertConflict("not-voting", () => InDiscussion(kind).DecideClose(roster, layers, CloseReason.Requested, Now, Author));
        var closed = InVoting(kind).Close(roster, layers);
        AssertConflict("not-voting", () => closed.DecideClose(roster, layers, CloseReason.Requested, Now, Author));
        AssertConflict("voting-not-open", () => closed.DecideCastBallot("ann", ValidBallot(kind), true, Now));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void A_member_who_left_is_refused_in_a_message_that_names_the_kind(string noun)
    {
        var decision = InVoting(Kind(noun));
        decision.Apply(decision.DecideMemberLeft("ben", Now)!);

        var violation = AssertViolation(RuleViolationKind.Conflict, "member-left", () => decision.DecideCastBallot("ben", ValidBallot(Kind(noun)), true, Now));
        Assert.Contains($"while this {noun} was voting", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proposal", "A ballot in a majority proposal is {\"choice\": ...} and nothing else.")]
    [InlineData("poll", "A ballot in a schulze poll is {\"ranking\": ...} and nothing else.")]
    public void A_ballot_of_the_wrong_shape_is_refused_in_a_message_that_names_the_kind(string noun, string message)
    {
        var kind = Kind(noun);
        var wrong = kind == DecisionKind.Proposal ? PollScenario.Ranking("a|b|c") : BallotMarks.Of(Choice.Yes);

        var violation = AssertViolation(RuleViolationKind.Invalid, "wrong-ballot-method", () => InVoting(kind).DecideCastBallot("ann", wrong, true, Now));
        Assert.Equal(message, violation.Message);
    }
}
