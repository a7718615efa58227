using Governance.Contracts.Decisions;
using Governance.Domain.Decisions;
using Governance.Grains.Decisions;
using Governance.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Proposals;

/// <summary>
/// A proposal stored before deadlines were bounded may close at the very end of the calendar. Opening it still
/// works, because its reminder is never scheduled further ahead than the clock can count.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StoredDeadlineTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_stored_proposal_closing_at_the_last_representable_instant_opens_for_voting()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = Ids.New("prop");
        var created = new DecisionCreated(
            Factory.Clock.GetUtcNow(), cooperative, "Until the end of time", null, null, CountingMethod.Majority, DateTimeOffset.MaxValue, "ann", Threshold: 0.5);
        await Factory.Services.GetRequiredService<IEventStore>()
            .AppendAsync($"proposal/{DecisionKey.Of(cooperative, proposal)}", 0, [DecisionLogFormat.Proposal.WriteEvent(created)]);

        var opened = await Expect.Ok(await Api.As("ann").Post(Routes.Open(cooperative, proposal)));

        Assert.Equal("voting", opened.GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.MaxValue, Expect.Instant(opened, "closesAt"));
        await Api.Vote(cooperative, proposal, "ann", "yes");
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 1, 1, (1, 0, 0), true, null);
    }
}
