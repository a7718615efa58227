using System.Globalization;

namespace Governance.System.Tests.Feed;

/// <summary>What a feed held against what was acknowledged.</summary>
/// <param name="Retried">Acknowledged commands that had failed attempts first.</param>
/// <param name="AppliedByFailedAttempt">Of those, the ones a failed attempt had applied: their event is older than the acknowledged attempt.</param>
public sealed record FeedCheckSummary(int Events, int SetupEvents, int Commands, int Retried, int AppliedByFailedAttempt, IReadOnlyDictionary<string, int> ByType)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"feed events: {Events} = {SetupEvents} setup + {Commands} acknowledged commands ({string.Join(", ", ByType.Select(pair => $"{pair.Value} {pair.Key}"))}); retried commands: {Retried}, applied by a failed attempt: {AppliedByFailedAttempt}");
}

/// <summary>Checks a whole feed against the setup's events and the commands a load got acknowledged.</summary>
public static class FeedCheck
{
    /// <summary>
    /// Each expected event appears once and nothing else does: per source and subject (one member, driven in order by
    /// one worker) the feed holds exactly the acknowledged commands' events in the order they were acknowledged. No
    /// id repeats, and each log's versions rise in feed order.
    /// </summary>
    public static FeedCheckSummary Verify(IReadOnlyList<FeedEvent> feed, IReadOnlyList<ExpectedEvent> setup, IReadOnlyCollection<AcknowledgedCommand> commands)
    {
        var repeated = feed.GroupBy(item => item.Id).Where(group => group.Count() > 1).Select(group => $"{group.Key} x{group.Count()}").ToList();
        Assert.True(repeated.Count == 0, $"Event ids repeat in the feed: {string.Join(", ", repeated)}");
        foreach (var log in feed.GroupBy(item => item.Stream))
        {
            var versions = log.Select(item => item.Version).ToList();
            Assert.True(versions.SequenceEqual(versions.Order()), $"{log.Key}'s versions are out of order in the feed: {string.Join(", ", versions)}");
        }

        var ordered = commands.OrderBy(command => command.Sequence).ToList();
        var expected = setup.Select(item => (Event: item, Command: (AcknowledgedCommand?)null))
            .Concat(ordered.Select(command => (command.Event, Command: (AcknowledgedCommand?)command)))
            .GroupBy(item => (item.Event.Source, Subject: (string?)item.Event.Subject))
            .ToDictionary(group => group.Key, group => group.ToList());
        var actual = feed.GroupBy(item => (item.Source, item.Subject)).ToDictionary(group => group.Key, group => group.ToList());
        var appliedByFailedAttempt = 0;
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            var wanted = expected.GetValueOrDefault(key) ?? [];
            var found = actual.GetValueOrDefault(key) ?? [];
            Assert.True(
                wanted.Select(item => (item.Event.Type, item.Event.Detail)).SequenceEqual(found.Select(item => (item.Type, item.Detail))),
                $"{key.Source} about {key.Subject}: acknowledged [{string.Join(", ", wanted.Select(item => item.Event))}], the feed holds [{string.Join(", ", found.Select(item => $"{item.Id} {item.Type}({item.Detail})"))}]");
            appliedByFailedAttempt += wanted.Zip(found).Count(pair => pair.First.Command is { FailedAttempts: > 0 } command && pair.Second.Time < command.AcknowledgedAttemptStartedAt);
        }

        Assert.Equal(setup.Count + commands.Count, feed.Count);
        return new FeedCheckSummary(
            feed.Count,
            setup.Count,
            commands.Count,
            commands.Count(command => command.FailedAttempts > 0),
            appliedByFailedAttempt,
            commands.GroupBy(command => command.Event.Type).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count()));
    }
}
