using Governance.Client.Tests.Hosting;

namespace Governance.Client.Tests.Governance;

/// <summary>The README's Schulze poll, through the typed client against the real API.</summary>
[Collection(ApiNodeCollection.Name)]
public sealed class PriorityPollTests(ApiNode node)
{
    private readonly GovernanceClient _ann = node.As("ann");
    private readonly GovernanceClient _ben = node.As("ben");
    private readonly GovernanceClient _cat = node.As("cat");
    private readonly GovernanceClient _dan = node.As("dan");

    [Fact]
    public async Task A_schulze_poll_ranks_the_items_with_delegated_weight()
    {
        var cooperative = await _ann.FoundAsync("Acme Bakery", "budget");
        await _ben.SetDefaultDelegationAsync(cooperative, "ben", new SetDelegationRequest { DelegateId = "ann" });
        await _cat.SetTopicDelegationAsync(cooperative, "cat", "budget", new SetDelegationRequest { DelegateId = "ben" });

        await _cat.CreatePriorityPollAsync(cooperative, new CreatePriorityPollRequest
        {
            Id = "spring",
            Title = "What do we buy first?",
            Topic = "budget",
            Method = PriorityMethod.Schulze,
            Items =
            [
                new PriorityItemView { Id = "oven", Title = "New oven" },
                new PriorityItemView { Id = "van", Title = "Delivery van" },
                new PriorityItemView { Id = "till", Title = "Card till" },
            ],
        });
        await _ann.OpenPriorityPollAsync(cooperative, "spring");
        await _ann.CastPriorityBallotAsync(cooperative, "spring", "ann", new CastPriorityBallotRequest { Ranking = [["oven"], ["van", "till"]] });
        await _dan.CastPriorityBallotAsync(cooperative, "spring", "dan", new CastPriorityBallotRequest { Ranking = [["van"], ["till"], ["oven"]] });

        var ballots = await _cat.ListPriorityBallotsAsync(cooperative, "spring", null, null);
        Assert.Equal([("ann", 3), ("dan", 1)], ballots.Items.Select(ballot => (ballot.MemberId, ballot.Weight)));
        var trace = await _cat.TracePriorityBallotAsync(cooperative, "spring", "cat");
        Assert.Equal("ann", trace.CarriedBy);
        Assert.Equal(
            [("cat", "ben", PriorityDelegationScope.Topic), ("ben", "ann", PriorityDelegationScope.Default)],
            trace.Chain.Select(hop => (hop.From, hop.To, hop.Scope)));

        await _ann.ClosePriorityPollAsync(cooperative, "spring");
        var result = await _dan.GetPriorityPollResultAsync(cooperative, "spring");
        Assert.Equal(PriorityPollStatus.Closed, result.Status);
        Assert.Equal((4, 4), (result.Eligible, result.Participation));
        Assert.Equal(
            [(1, "oven", 2.0, false), (2, "van", 1.0, false), (3, "till", 0.0, false)],
            result.Ranking.Select(item => (item.Position, item.ItemId, item.Score, item.Tied)));
    }
}
