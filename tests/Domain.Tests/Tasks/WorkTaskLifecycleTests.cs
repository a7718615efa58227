using Governance.Domain.Rules;
using Governance.Domain.Tasks;
using static Governance.Domain.Tests.Tasks.WorkTaskScenario;

namespace Governance.Domain.Tests.Tasks;

public sealed class WorkTaskLifecycleTests
{
    [Fact]
    public void A_new_task_is_open_with_its_skills_in_order_and_without_repeats()
    {
        var task = new WorkTask();
        var link = TaskLink.ToProposal("oven");

        var created = Assert.IsType<TaskCreated>(
            task.DecideCreate("bakery", " Fix the oven ", "It smokes.", ["welding", "electrics", "welding"], 6, Now.AddDays(3), link, 1.0, Author, Now));
        task.Apply(created);

        Assert.Equal(["electrics", "welding"], created.RequiredSkills);
        Assert.Equal(
            new TaskCreated(Now, "bakery", "Fix the oven", "It smokes.", created.RequiredSkills, 6, Now.AddDays(3), link, 1.0, Author),
            created);
        Assert.Equal(WorkTaskStatus.Open, task.Status);
        Assert.Null(task.ClaimedBy);
        Assert.Equal(1, task.Version);
    }

    [Fact]
    public void Creating_twice_is_a_conflict()
    {
        AssertRefused(RuleViolationKind.Conflict, "task-exists",
            () => Open().DecideCreate("bakery", "Again", null, null, 1, null, null, 0.5, Author, Now));
    }

    [Theory]
    [InlineData("", 1, "invalid-title", "title")]
    [InlineData("Oven", 0, "invalid-effort", "effortHours")]
    [InlineData("Oven", WorkTask.MaxEffortHours + 1, "invalid-effort", "effortHours")]
    public void A_blank_title_or_an_effort_out_of_range_is_invalid(string title, int effort, string code, string field)
    {
        var violation = Assert.Throws<RuleViolationException>(
            () => new WorkTask().DecideCreate("bakery", title, null, null, effort, null, null, 0.5, Author, Now));

        Assert.Equal((RuleViolationKind.Invalid, code, field), (violation.Kind, violation.Code, violation.Field));
    }

    [Fact]
    public void A_missing_effort_a_past_due_date_a_long_description_or_bad_skills_are_invalid()
    {
        var tooMany = Enumerable.Range(0, GovernanceLimits.Default.MaxSkills + 1).Select(index => $"s{index}").ToArray();
        (Func<WorkTask, TaskEvent> Create, string Field)[] cases =
        [
            (task => task.DecideCreate("bakery", "Oven", null, null, null, null, null, 0.5, Author, Now), "effortHours"),
            (task => task.DecideCreate("bakery", "Oven", null, null, 1, Now, null, 0.5, Author, Now), "dueAt"),
            (task => task.DecideCreate("bakery", "Oven", new string('d', GovernanceLimits.Default.MaxBodyLength + 1), null, 1, null, null, 0.5, Author, Now), "description"),
            (task => task.DecideCreate("bakery", "Oven", null, ["no spaces"], 1, null, null, 0.5, Author, Now), "requiredSkills"),
            (task => task.DecideCreate("bakery", "Oven", null, tooMany, 1, null, null, 0.5, Author, Now), "requiredSkills"),
        ];

        Assert.All(cases, item =>
        {
            var violation = Assert.Throws<RuleViolationException>(() => item.Create(new WorkTask()));
            Assert.Equal((RuleViolationKind.Invalid, item.Field), (violation.Kind, violation.Field));
        });
    }

    [Fact]
    public void A_member_claims_an_open_task_until_the_timeout()
    {
        var task = Claimed();

        Assert.Equal(WorkTaskStatus.Claimed, task.Status);
        Assert.Equal(Doer, task.ClaimedBy);
        Assert.Equal(Now + ClaimTimeout, task.ClaimExpiresAt);
    }

    [Fact]
    public void Claiming_again_changes_nothing_but_another_members_claim_is_a_conflict()
    {
        var task = Claimed();

        Assert.Null(task.DecideClaim(Doer, Now));
        AssertRefused(RuleViolationKind.Conflict, "task-claimed", () => task.DecideClaim(Reviewer, Now));
    }

    [Fact]
    public void Completed_or_reviewed_tasks_cannot_be_claimed()
    {
        AssertRefused(RuleViolationKind.Conflict, "task-not-open", () => Completed().DecideClaim(Reviewer, Now));
        var reviewed = Completed().Do(task => task.DecideReview(Reviewer, true, null, Now));
        AssertRefused(RuleViolationKind.Conflict, "task-not-open", () => reviewed.DecideClaim(Reviewer, Now));
    }

    [Fact]
    public void Progress_extends_the_claim()
    {
        var later = Now.AddDays(5);
        var task = Claimed().Do(task => task.DecideProgress(Doer, "Half done", later));

        Assert.Equal(later + ClaimTimeout, task.ClaimExpiresAt);
        Assert.Equal(new ProgressPosted(later, Doer, "Half done", later + ClaimTimeout), task.History[^1]);
    }

    [Fact]
    public void Releasing_reopens_the_task()
    {
        var task = Claimed().Do(task => task.DecideRelease(Doer, Now));

        Assert.Equal(WorkTaskStatus.Open, task.Status);
        Assert.Null(task.ClaimedBy);
        Assert.Null(task.ClaimExpiresAt);
    }

    [Fact]
    public void Only_the_claimant_reports_releases_or_completes()
    {
        var task = Claimed();

        AssertRefused(RuleViolationKind.Forbidden, "not-claimant", () => task.DecideProgress(Reviewer, null, Now));
        AssertRefused(RuleViolationKind.Forbidden, "not-claimant", () => task.DecideRelease(Reviewer, Now));
        AssertRefused(RuleViolationKind.Forbidden, "not-claimant", () => task.DecideComplete(Reviewer, null, Now));
    }

    [Fact]
    public void An_unclaimed_task_has_no_progress_release_or_completion()
    {
        foreach (var task in new[] { Open(), Completed() })
        {
            AssertRefused(RuleViolationKind.Conflict, "task-not-claimed", () => task.DecideProgress(Doer, null, Now));
            AssertRefused(RuleViolationKind.Conflict, "task-not-claimed", () => task.DecideRelease(Doer, Now));
            AssertRefused(RuleViolationKind.Conflict, "task-not-claimed", () => task.DecideComplete(Doer, null, Now));
        }
    }

    [Fact]
    public void Completing_ends_the_claim_and_keeps_who_did_the_work()
    {
        var task = Completed();

        Assert.Equal(WorkTaskStatus.Completed, task.Status);
        Assert.Equal(Doer, task.ClaimedBy);
        Assert.Null(task.ClaimExpiresAt);
        Assert.Equal(Now, task.Completion?.At);
    }

    [Fact]
    public void Another_member_approves_the_work()
    {
        var task = Completed().Do(task => task.DecideReview(Reviewer, true, "Looks good", Now));

        Assert.Equal(WorkTaskStatus.Reviewed, task.Status);
        Assert.Equal(Reviewer, task.Approval?.By);
        Assert.Equal(Doer, task.ClaimedBy);
        Assert.Equal(1, task.ReviewCount);
    }

    [Fact]
    public void A_rejection_hands_the_task_back_to_its_claimant_with_a_fresh_claim()
    {
        var later = Now.AddDays(1);
        var task = Completed().Do(task => task.DecideReview(Reviewer, false, "Still smokes", later));

        Assert.Equal(WorkTaskStatus.Claimed, task.Status);
        Assert.Equal(Doer, task.ClaimedBy);
        Assert.Equal(later + ClaimTimeout, task.ClaimExpiresAt);
        Assert.Null(task.Completion);
        Assert.Null(task.Approval);
    }

    [Fact]
    public void Nobody_reviews_their_own_work()
    {
        AssertRefused(RuleViolationKind.Forbidden, "own-work", () => Completed().DecideReview(Doer, true, null, Now));
    }

    [Fact]
    public void Only_completed_work_is_reviewed()
    {
        AssertRefused(RuleViolationKind.Conflict, "task-not-completed", () => Open().DecideReview(Reviewer, true, null, Now));
        AssertRefused(RuleViolationKind.Conflict, "task-not-completed", () => Claimed().DecideReview(Reviewer, true, null, Now));
        var reviewed = Completed().Do(task => task.DecideReview(Reviewer, true, null, Now));
        AssertRefused(RuleViolationKind.Conflict, "task-not-completed", () => reviewed.DecideReview(Author, true, null, Now));
    }

    [Fact]
    public void A_note_over_the_limit_is_invalid()
    {
        var note = new string('n', GovernanceLimits.Default.MaxBodyLength + 1);

        AssertRefused(RuleViolationKind.Invalid, "invalid-note", () => Claimed().DecideProgress(Doer, note, Now));
        AssertRefused(RuleViolationKind.Invalid, "invalid-note", () => Claimed().DecideComplete(Doer, note, Now));
        AssertRefused(RuleViolationKind.Invalid, "invalid-note", () => Completed().DecideReview(Reviewer, false, note, Now));
    }

    [Fact]
    public void Commands_on_a_task_that_does_not_exist_are_not_found()
    {
        var task = new WorkTask();

        AssertRefused(RuleViolationKind.NotFound, "task-not-found", () => task.DecideClaim(Doer, Now));
        AssertRefused(RuleViolationKind.NotFound, "task-not-found", () => task.DecideComplete(Doer, null, Now));
        AssertRefused(RuleViolationKind.NotFound, "task-not-found", () => task.DecideReview(Reviewer, true, null, Now));
    }

    [Fact]
    public void The_history_keeps_every_event_in_order()
    {
        var task = Completed().Do(task => task.DecideReview(Reviewer, true, null, Now));

        Assert.Equal(
            [typeof(TaskCreated), typeof(TaskClaimed), typeof(TaskCompleted), typeof(TaskReviewed)],
            task.History.Select(@event => @event.GetType()));
        Assert.Equal(4, task.Version);
    }
}
