using Governance.Domain.Rules;
using Governance.Domain.Tasks;
using static Governance.Domain.Tests.Tasks.WorkTaskScenario;

namespace Governance.Domain.Tests.Tasks;

public sealed class TaskBoardTests
{
    [Fact]
    public void Suggests_open_tasks_to_active_volunteers_with_the_planners_explanation()
    {
        var board = Board(Task("roof", 0.8, 4, "carpentry"), Task("books", 0.5, 2, "accounting"));
        Volunteer(board, "ann", 10, 1, "carpentry");
        Volunteer(board, "ben", 10, 1, "accounting");

        var plan = board.Suggest();

        Assert.Equal(["books->ben", "roof->ann"], Pairs(plan));
        Assert.Equal(1.3, plan.TotalScore, 9);
        var roof = plan.Suggestions.Single(suggestion => suggestion.TaskId == "roof");
        Assert.Equal((1.0, 0.8, 4, 4, 10), (roof.Fit, roof.Priority, roof.EffortHours, roof.MemberHoursUsed, roof.MemberCapacityHours));
        Assert.Equal(["carpentry"], roof.MatchedSkills);
    }

    [Fact]
    public void Hours_of_claimed_tasks_are_not_free_for_suggestions()
    {
        var board = Board(Task("roof", 0.8, 4, "carpentry"), Task("fence", 0.5, 5, "carpentry"));
        Volunteer(board, "ann", 6, 1, "carpentry");
        Report(board, Task("fence", 0.5, 5, "carpentry") with { Status = WorkTaskStatus.Claimed, Holder = "ann", TaskVersion = 2 });

        Assert.Empty(board.Suggest().Suggestions);

        Report(board, Task("fence", 0.5, 5, "carpentry") with { Status = WorkTaskStatus.Completed, Holder = "ann", TaskVersion = 3 });
        var suggestion = Assert.Single(board.Suggest().Suggestions);
        Assert.Equal(("roof", "ann", 6), (suggestion.TaskId, suggestion.MemberId, suggestion.MemberCapacityHours));
    }

    [Fact]
    public void A_declined_pair_is_never_suggested_again_while_others_keep_their_fit()
    {
        var board = Board(Task("roof", 0.8, 4, "carpentry", "ladders"), Task("tidy", 0.5, 1));
        Volunteer(board, "ann", 10, 1, "carpentry", "ladders");
        Volunteer(board, "ben", 10, 1, "carpentry");

        Assert.Equal(["roof->ann", "tidy->ann"], Pairs(board.Suggest()));
        board.Apply(board.DecideDecline("roof", "ann", board.Suggest(), Now));

        var plan = board.Suggest();
        Assert.Equal(["roof->ben", "tidy->ann"], Pairs(plan));
        var roof = plan.Suggestions.Single(suggestion => suggestion.TaskId == "roof");
        Assert.Equal(0.5, roof.Fit);
        Assert.Equal(["carpentry"], roof.MatchedSkills);

        // A task requiring no skills is hidden from a decliner too, and shows no skills matched to anyone else.
        board.Apply(board.DecideDecline("tidy", "ann", plan, Now));
        var after = board.Suggest();
        Assert.Equal(["roof->ben", "tidy->ben"], Pairs(after));
        Assert.Equal(1.0, after.Suggestions[1].Fit);
        Assert.Empty(after.Suggestions[1].MatchedSkills);
    }

    [Fact]
    public void Members_who_left_are_not_suggested_and_a_late_report_does_not_bring_them_back()
    {
        var board = Board(Task("roof", 0.8, 4, "carpentry"));
        Volunteer(board, "ann", 10, 1, "carpentry");
        board.Apply(board.DecideRemoveVolunteer("ann", 2, Now)!);

        Assert.Empty(board.Suggest().Suggestions);
        Assert.Null(board.DecideSetVolunteer("ann", ["carpentry"], 10, 1, Now));
        Assert.NotNull(board.DecideSetVolunteer("ann", ["carpentry"], 10, 3, Now));
    }

    [Fact]
    public void An_older_task_report_never_overwrites_a_newer_one()
    {
        var board = Board(Task("roof", 0.8, 4));
        Report(board, Task("roof", 0.8, 4) with { Status = WorkTaskStatus.Claimed, Holder = "ann", TaskVersion = 3 });

        Assert.Null(board.DecideTaskReported(Task("roof", 0.8, 4) with { TaskVersion = 2 }, Now));
        Assert.Equal(WorkTaskStatus.Claimed, board.FindTask("roof")!.Status);
    }

    [Fact]
    public void Each_review_counts_once_and_only_an_approval_credits_the_work()
    {
        var board = Board(Task("roof", 0.8, 4));
        Review(board, 1, approved: false);
        Review(board, 2, approved: true);

        Assert.Null(board.DecideReviewReported("roof", 2, "ann", "ben", true, 4, Now));
        Assert.Equal(new Contribution(1, 4, 0), board.ContributionOf("ann"));
        Assert.Equal(new Contribution(0, 0, 2), board.ContributionOf("ben"));
        Assert.Equal(Contribution.None, board.ContributionOf("cat"));
    }

    [Fact]
    public void Only_the_suggested_member_accepts_or_declines_an_open_suggested_task()
    {
        var board = Board(Task("roof", 0.8, 4, "carpentry"), Task("vault", 0.8, 4, "masonry"));
        Volunteer(board, "ann", 10, 1, "carpentry");
        Report(board, Task("fence", 0.5, 1) with { Status = WorkTaskStatus.Claimed, Holder = "ann", TaskVersion = 2 });
        var plan = board.Suggest();

        Assert.Equal("ann", board.RequireSuggestedTo("roof", "ann", plan).MemberId);
        AssertRefused(RuleViolationKind.Forbidden, "suggested-to-another", () => board.RequireSuggestedTo("roof", "ben", plan));
        AssertRefused(RuleViolationKind.Conflict, "not-suggested", () => board.DecideDecline("vault", "ann", plan, Now));
        AssertRefused(RuleViolationKind.Conflict, "task-not-open", () => board.RequireSuggestedTo("fence", "ann", plan));
        AssertRefused(RuleViolationKind.NotFound, "task-not-found", () => board.RequireSuggestedTo("cellar", "ann", plan));
    }

    [Fact]
    public void A_snapshot_restores_the_same_board()
    {
        var board = Board(Task("roof", 0.8, 4, "carpentry"), Task("tidy", 0.5, 1));
        Volunteer(board, "ann", 10, 1, "carpentry");
        board.Apply(board.DecideDecline("roof", "ann", board.Suggest(), Now));
        Review(board, 1, approved: true);

        var restored = TaskBoard.FromSnapshot(board.ToSnapshot());

        Assert.Equal(board.Version, restored.Version);
        Assert.Equal(board.Tasks, restored.Tasks);
        Assert.Equal(Pairs(board.Suggest()), Pairs(restored.Suggest()));
        Assert.Equal(board.ContributionOf("ann"), restored.ContributionOf("ann"));
    }

    private static BoardTask Task(string id, double priority, int effort, params string[] skills) =>
        new(id, $"Task {id}", skills, effort, priority, null, Now, WorkTaskStatus.Open, null, 1, null);

    private static TaskBoard Board(params BoardTask[] tasks)
    {
        var board = new TaskBoard();
        foreach (var task in tasks)
        {
            Report(board, task);
        }

        return board;
    }

    private static void Report(TaskBoard board, BoardTask task) => board.Apply(board.DecideTaskReported(task, Now)!);

    private static void Volunteer(TaskBoard board, string memberId, int hours, long version, params string[] skills) =>
        board.Apply(board.DecideSetVolunteer(memberId, skills, hours, version, Now)!);

    private static void Review(TaskBoard board, int number, bool approved) =>
        board.Apply(board.DecideReviewReported("roof", number, "ann", "ben", approved, 4, Now)!);

    private static string[] Pairs(AssignmentPlan plan) => [.. plan.Suggestions.Select(suggestion => $"{suggestion.TaskId}->{suggestion.MemberId}")];
}
