using Governance.Domain.Tasks;
using static Governance.Domain.Tests.Tasks.WorkTaskScenario;

namespace Governance.Domain.Tests.Tasks;

public sealed class ClaimExpiryTests
{
    [Fact]
    public void A_claim_is_not_due_before_its_timeout()
    {
        var task = Claimed();

        Assert.False(task.ClaimLapsed(Now + ClaimTimeout - TimeSpan.FromTicks(1)));
        Assert.Null(task.DecideExpire(Now + ClaimTimeout - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void A_claim_without_progress_expires_and_the_task_reopens()
    {
        var at = Now + ClaimTimeout;
        var task = Claimed().Do(task => task.DecideExpire(at));

        Assert.Equal(new ClaimExpired(at, Doer), task.History[^1]);
        Assert.Equal(WorkTaskStatus.Open, task.Status);
        Assert.Null(task.ClaimedBy);
        Assert.Equal(new TaskClaimed(at, Reviewer, at + ClaimTimeout), task.DecideClaim(Reviewer, at));
    }

    [Fact]
    public void Progress_moves_the_expiry_on()
    {
        var task = Claimed().Do(task => task.DecideProgress(Doer, null, Now.AddDays(6)));

        Assert.Null(task.DecideExpire(Now + ClaimTimeout));
        Assert.NotNull(task.DecideExpire(Now.AddDays(6) + ClaimTimeout));
    }

    [Fact]
    public void Only_claimed_tasks_expire()
    {
        var late = Now.AddYears(1);

        Assert.Null(Open().DecideExpire(late));
        Assert.Null(Completed().DecideExpire(late));
        Assert.Null(new WorkTask().DecideExpire(late));
    }

    [Fact]
    public void A_claim_handed_back_by_a_rejection_expires_like_any_other()
    {
        var rejectedAt = Now.AddDays(2);
        var task = Completed().Do(task => task.DecideReview(Reviewer, false, null, rejectedAt));

        Assert.Null(task.DecideExpire(rejectedAt + ClaimTimeout - TimeSpan.FromSeconds(1)));
        Assert.NotNull(task.DecideExpire(rejectedAt + ClaimTimeout));
    }
}
