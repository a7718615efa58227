using Governance.Domain.Rules;
using Governance.Domain.Tasks;

namespace Governance.Domain.Tests.Tasks;

public sealed class TaskAssignmentTests
{
    [Fact]
    public void Beats_greedy_when_the_best_pair_blocks_a_better_plan()
    {
        // M2 has 9 of T1's 10 skills (fit 0.9) and none of T2's; M1 has everything. Each has room for one task.
        var tenSkills = Enumerable.Range(0, 10).Select(index => $"s{index}").ToArray();
        var instance = new AssignmentInstance(
            [Task("T1", 1, 10, tenSkills), Task("T2", 1, 9, "s9")],
            [Member("M1", 1, tenSkills), Member("M2", 1, tenSkills[..9])]);

        var plan = TaskAssignment.Suggest(instance.Tasks, instance.Members);

        Assert.Equal(10.0, ReferenceAssignment.Greedy(instance));
        Assert.Equal(18.0, plan.TotalScore);
        Assert.Equal(["T1->M2", "T2->M1"], Pairs(plan));
    }

    [Fact]
    public void Never_plans_more_hours_than_a_member_has()
    {
        var plan = TaskAssignment.Suggest(
            [Task("a", 3, 5, "x"), Task("b", 3, 4, "x"), Task("c", 2, 1, "x")],
            [Member("m", 5, "x")]);

        Assert.Equal(["a->m", "c->m"], Pairs(plan));
        Assert.All(plan.Suggestions, suggestion => Assert.Equal(5, suggestion.MemberHoursUsed));
    }

    [Fact]
    public void Skips_a_task_longer_than_every_members_week()
    {
        var plan = TaskAssignment.Suggest([Task("big", 20, 5, "x")], [Member("m", 10, "x")]);

        Assert.Empty(plan.Suggestions);
    }

    [Fact]
    public void Gives_a_task_to_one_member_only()
    {
        var plan = TaskAssignment.Suggest([Task("t", 1, 5, "x")], [Member("m1", 10, "x"), Member("m2", 10, "x")]);

        Assert.Equal(["t->m1"], Pairs(plan));
    }

    [Fact]
    public void Never_suggests_a_task_to_a_member_who_declined_it()
    {
        var declined = Task("t", 1, 5, "x") with { DeclinedBy = new HashSet<string> { "m1" } };
        var open = Task("u", 1, 5);

        var plan = TaskAssignment.Suggest([declined, open], [Member("m1", 10, "x"), Member("m2", 1, "x")]);

        // m1 has the hours for both tasks; having declined t, m1 keeps u and t goes to m2.
        Assert.Equal(["t->m2", "u->m1"], Pairs(plan));
    }

    [Fact]
    public void Never_suggests_a_member_without_any_required_skill()
    {
        var plan = TaskAssignment.Suggest([Task("plumbing", 1, 5, "pipes")], [Member("cook", 10, "cooking")]);

        Assert.Empty(plan.Suggestions);
    }

    [Fact]
    public void Finds_the_only_member_with_a_skill_among_hundreds()
    {
        // Members are matched 64 to a machine word; 200 of them span four words. Only m199 has both skills t2 needs.
        var members = Enumerable.Range(0, 200).Select(index => index switch
        {
            150 => Member("m150", 10, "rare"),
            199 => Member("m199", 10, "rare", "common"),
            _ => Member($"m{index:D3}", 10, "common"),
        }).ToArray();

        var plan = TaskAssignment.Suggest([Task("t1", 8, 5, "rare"), Task("t2", 8, 4, "rare", "common")], members);

        Assert.Equal(["t1->m150", "t2->m199"], Pairs(plan));
    }

    [Fact]
    public void Leaves_out_tasks_of_priority_zero_because_they_add_nothing()
    {
        var plan = TaskAssignment.Suggest([Task("someday", 1, 0, "x")], [Member("m", 10, "x")]);

        Assert.Empty(plan.Suggestions);
    }

    [Fact]
    public void A_task_requiring_no_skills_fits_everyone_fully()
    {
        var plan = TaskAssignment.Suggest([Task("sweep", 1, 2)], [Member("m", 1)]);

        var suggestion = Assert.Single(plan.Suggestions);
        Assert.Equal(1.0, suggestion.Fit);
        Assert.Empty(suggestion.MatchedSkills);
    }

    [Fact]
    public void Equal_scores_are_broken_by_ids_whatever_the_input_order()
    {
        OpenTask[] tasks = [Task("t1", 1, 3, "x"), Task("t2", 1, 3, "x"), Task("t3", 1, 3, "x")];
        Volunteer[] members = [Member("m1", 1, "x"), Member("m2", 1, "x")];

        var plan = TaskAssignment.Suggest(tasks, members);
        var shuffled = TaskAssignment.Suggest([tasks[2], tasks[0], tasks[1]], [members[1], members[0]]);

        Assert.Equal(Pairs(plan), Pairs(shuffled));
        Assert.Equal(2, plan.Suggestions.Count);
        Assert.Equal(6.0, plan.TotalScore);
    }

    [Fact]
    public void Explains_each_suggestion()
    {
        var plan = TaskAssignment.Suggest(
            [Task("roof", 4, 8, "carpentry", "heights"), Task("gutter", 2, 3, "heights")],
            [Member("ana", 10, "heights", "welding")]);

        Assert.Equal(
            [
                ("gutter", "ana", 1.0, 3.0, "heights", 2, 6, 10),
                ("roof", "ana", 0.5, 8.0, "heights", 4, 6, 10),
            ],
            plan.Suggestions.Select(suggestion => (
                suggestion.TaskId,
                suggestion.MemberId,
                suggestion.Fit,
                suggestion.Priority,
                string.Join(",", suggestion.MatchedSkills),
                suggestion.EffortHours,
                suggestion.MemberHoursUsed,
                suggestion.MemberCapacityHours)));
        Assert.Equal(7.0, plan.TotalScore);
    }

    [Fact]
    public void Empty_inputs_give_an_empty_plan()
    {
        Assert.Empty(TaskAssignment.Suggest([], []).Suggestions);
        Assert.Empty(TaskAssignment.Suggest([Task("t", 1, 1)], []).Suggestions);
        Assert.Empty(TaskAssignment.Suggest([], [Member("m", 10)]).Suggestions);
        Assert.Equal(0.0, TaskAssignment.Suggest([], []).TotalScore);
    }

    /// <summary>
    /// Documents the limit of the guarantee: with different efforts the member gets floor(10 / 10) = 1 slot, the
    /// flow takes the single best task, and no hours are left to fill, although the two short tasks would score more.
    /// </summary>
    [Fact]
    public void With_different_efforts_the_plan_can_fall_short_of_the_optimum()
    {
        var instance = new AssignmentInstance(
            [Task("long", 10, 1.5, "x"), Task("short1", 5, 1, "x"), Task("short2", 5, 1, "x")],
            [Member("m", 10, "x")]);

        var plan = TaskAssignment.Suggest(instance.Tasks, instance.Members);

        Assert.Equal(["long->m"], Pairs(plan));
        Assert.Equal(1.5, plan.TotalScore);
        Assert.Equal(2.0, ReferenceAssignment.Optimum(instance));
    }

    [Fact]
    public void Leftover_hours_are_filled_after_the_slots()
    {
        // One slot of 4 hours (the longest task) leaves 3 of 7 hours, enough for the 1-hour task too.
        var plan = TaskAssignment.Suggest(
            [Task("long", 4, 5, "x"), Task("short", 1, 1, "x")],
            [Member("m", 7, "x")]);

        Assert.Equal(["long->m", "short->m"], Pairs(plan));
    }

    [Theory]
    [InlineData(0, 1.0, "invalid-effort")]
    [InlineData(1, -1.0, "invalid-priority")]
    [InlineData(1, double.NaN, "invalid-priority")]
    public void Rejects_invalid_tasks(int effort, double priority, string code)
    {
        var violation = Assert.Throws<RuleViolationException>(() => TaskAssignment.Suggest([Task("t", effort, priority)], []));

        Assert.Equal(code, violation.Code);
    }

    [Fact]
    public void Rejects_duplicate_ids_and_negative_capacity()
    {
        Assert.Equal("duplicate-task", Assert.Throws<RuleViolationException>(() => TaskAssignment.Suggest([Task("t", 1, 1), Task("t", 2, 1)], [])).Code);
        Assert.Equal("duplicate-member", Assert.Throws<RuleViolationException>(() => TaskAssignment.Suggest([], [Member("m", 1), Member("m", 2)])).Code);
        Assert.Equal("invalid-capacity", Assert.Throws<RuleViolationException>(() => TaskAssignment.Suggest([], [Member("m", -1)])).Code);
    }

    private static OpenTask Task(string id, int effort, double priority, params string[] skills) =>
        new(id, skills.ToHashSet(StringComparer.Ordinal), effort, priority);

    private static Volunteer Member(string id, int capacity, params string[] skills) =>
        new(id, skills.ToHashSet(StringComparer.Ordinal), capacity);

    private static string[] Pairs(AssignmentPlan plan) =>
        plan.Suggestions.Select(suggestion => $"{suggestion.TaskId}->{suggestion.MemberId}").ToArray();
}
