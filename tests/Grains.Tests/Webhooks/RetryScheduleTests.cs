using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

public sealed class RetryScheduleTests
{
    private static readonly TimeSpan[] Standard = [.. WebhookOptions.DefaultRetrySchedule];

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 5)]
    [InlineData(3, 300)]
    [InlineData(4, 1800)]
    [InlineData(5, 7200)]
    [InlineData(6, 18000)]
    [InlineData(7, 36000)]
    [InlineData(8, 36000)]
    [InlineData(9, 36000)]
    [InlineData(100, 36000)]
    public void Without_jitter_attempt_n_waits_the_nth_interval_and_then_the_last(int attempt, int seconds)
    {
        var schedule = new RetrySchedule(Standard, () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(seconds), schedule.DelayBefore(attempt));
    }

    [Fact]
    public void Jitter_moves_a_wait_by_up_to_a_fifth_either_way()
    {
        var earliest = new RetrySchedule(Standard, () => 0.0);
        var latest = new RetrySchedule(Standard, () => 0.75);

        Assert.Equal(TimeSpan.FromSeconds(4), earliest.DelayBefore(2));
        Assert.Equal(TimeSpan.FromMinutes(4), earliest.DelayBefore(3));
        Assert.Equal(TimeSpan.FromSeconds(5.5), latest.DelayBefore(2));
        Assert.Equal(TimeSpan.FromHours(11), latest.DelayBefore(9));
    }

    [Fact]
    public void The_first_attempt_is_immediate_whatever_the_jitter()
    {
        Assert.Equal(TimeSpan.Zero, new RetrySchedule(Standard, () => 0.0).DelayBefore(1));
        Assert.Equal(TimeSpan.Zero, new RetrySchedule(Standard, () => 0.999).DelayBefore(1));
    }

    [Fact]
    public void Random_waits_stay_within_the_jitter_and_are_never_negative()
    {
        var schedule = new RetrySchedule(Standard);

        for (var draw = 0; draw < 1000; draw++)
        {
            var wait = schedule.DelayBefore(3);
            Assert.InRange(wait, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6));
        }

        Assert.Equal(TimeSpan.Zero, new RetrySchedule([TimeSpan.Zero], () => 0.0, jitter: 1).DelayBefore(5));
        Assert.Equal(TimeSpan.Zero, new RetrySchedule([TimeSpan.FromSeconds(10)], () => 0.0, jitter: 1).DelayBefore(2));
    }

    [Fact]
    public void A_longer_retry_after_replaces_the_wait_and_a_shorter_one_does_not()
    {
        var schedule = new RetrySchedule(Standard, () => 0.5);

        Assert.Equal(TimeSpan.FromMinutes(1), schedule.DelayBefore(2, retryAfter: TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), schedule.DelayBefore(2, retryAfter: TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_schedule_from_options_shortened_for_tests_is_followed()
    {
        var options = new WebhookOptions { RetrySchedule = [TimeSpan.Zero, TimeSpan.FromMilliseconds(10)] };

        var schedule = new RetrySchedule(options.EffectiveRetrySchedule(), () => 0.5);

        Assert.Equal(TimeSpan.FromMilliseconds(10), schedule.DelayBefore(7));
    }

    [Fact]
    public void Attempts_count_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetrySchedule(Standard).DelayBefore(0));
    }

    [Fact]
    public void An_empty_or_negative_schedule_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RetrySchedule([]));
        Assert.Throws<ArgumentException>(() => new RetrySchedule([TimeSpan.FromSeconds(-1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetrySchedule(Standard, jitter: 1.5));
    }
}
