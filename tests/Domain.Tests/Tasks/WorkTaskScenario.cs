using Governance.Domain.Rules;
using Governance.Domain.Tasks;

namespace Governance.Domain.Tests.Tasks;

/// <summary>Drives a <see cref="WorkTask"/> through its own Decide/Apply pair, as the grain does.</summary>
internal static class WorkTaskScenario
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromDays(7);

    public const string Author = "ann";
    public const string Doer = "ben";
    public const string Reviewer = "cat";

    public static WorkTask Open()
    {
        var task = new WorkTask { ClaimTimeout = ClaimTimeout };
        task.Apply(task.DecideCreate("bakery", "Fix the oven", null, ["welding"], 4, null, null, TaskPriority.Unlinked, Author, Now));
        return task;
    }

    public static WorkTask Claimed(string by = Doer) => Open().Do(task => task.DecideClaim(by, Now));

    public static WorkTask Completed() => Claimed().Do(task => task.DecideComplete(Doer, "Done", Now));

    public static WorkTask Do(this WorkTask task, Func<WorkTask, TaskEvent?> decide)
    {
        var @event = decide(task);
        Assert.NotNull(@event);
        task.Apply(@event);
        return task;
    }

    public static void AssertRefused(RuleViolationKind kind, string code, Action action)
    {
        var violation = Assert.Throws<RuleViolationException>(action);
        Assert.Equal((kind, code), (violation.Kind, violation.Code));
    }
}
