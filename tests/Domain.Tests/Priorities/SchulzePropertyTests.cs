using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Domain.Priorities;

namespace Governance.Domain.Tests.Priorities;

public static class RandomElections
{
    public static Arbitrary<RandomElection> Elections() => RandomElection.Generator().ToArbitrary();
}

public static class WideRandomElections
{
    public static Arbitrary<RandomElection> Elections() => RandomElection.WideGenerator().ToArbitrary();
}

public sealed class SchulzePropertyTests
{
    [Property(Arbitrary = [typeof(RandomElections)], MaxTest = 500, EndSize = 30)]
    public void A_Condorcet_winner_is_ranked_first_alone(RandomElection election)
    {
        var winner = election.CondorcetWinner();
        var ranking = SchulzeMethod.Tally(PriorityPoll.Create(election.Items), election.WeightedBallots()).Ranking;

        if (winner is not null)
        {
            Assert.Equal((winner, 1, false), (ranking.Entries[0].Item, ranking.Entries[0].Position, ranking.Entries[0].Tied));
            Assert.All(ranking.Entries.Skip(1), entry => Assert.True(entry.Position > 1));
        }
    }

    [Property(Arbitrary = [typeof(WideRandomElections)], MaxTest = 300, EndSize = 30)]
    public void Preferences_count_the_weight_of_ballots_ranking_one_item_above_another(RandomElection election)
    {
        var preferences = SchulzeMethod.Tally(PriorityPoll.Create(election.Items), election.WeightedBallots()).Preferences;

        for (var item = 0; item < election.ItemCount; item++)
        {
            for (var other = 0; other < election.ItemCount; other++)
            {
                Assert.Equal(election.Preferring(item, other), preferences[election.Items[item], election.Items[other]]);
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomElections)], MaxTest = 500, EndSize = 30)]
    public void Weighted_ballots_give_the_same_result_as_the_expanded_ones(RandomElection election)
    {
        var poll = PriorityPoll.Create(election.Items);

        var weighted = SchulzeMethod.Tally(poll, election.WeightedBallots());
        var expanded = SchulzeMethod.Tally(poll, election.ExpandedBallots());

        Assert.Equal(expanded.Ranking.Entries, weighted.Ranking.Entries);
        Assert.Equal(Cells(expanded.Preferences), Cells(weighted.Preferences));
        Assert.Equal(Cells(expanded.StrongestPaths), Cells(weighted.StrongestPaths));
    }

    /// <summary>Listing the items in another order may only reorder tied items, which then follow the new listing.</summary>
    [Property(Arbitrary = [typeof(RandomElections)], MaxTest = 500, EndSize = 30)]
    public void Permuting_the_items_changes_only_the_presentation_of_ties(RandomElection election)
    {
        var listed = SchulzeMethod.Tally(PriorityPoll.Create(election.Items), election.WeightedBallots());
        var permutedPoll = PriorityPoll.Create(election.PermutedItems);
        var permuted = SchulzeMethod.Tally(permutedPoll, election.WeightedBallots());

        Assert.Equal(
            listed.Ranking.Entries.OrderBy(entry => entry.Item, StringComparer.Ordinal),
            permuted.Ranking.Entries.OrderBy(entry => entry.Item, StringComparer.Ordinal));
        Assert.Equal(Cells(listed.StrongestPaths), Cells(permuted.StrongestPaths));
        foreach (var tie in permuted.Ranking.Entries.GroupBy(entry => entry.Position))
        {
            var presented = tie.Select(entry => entry.Item).ToList();
            Assert.Equal(presented.OrderBy(item => permutedPoll.Items.ToList().IndexOf(item)), presented);
        }
    }

    /// <summary>Whenever p[i,j] > p[j,i], i is placed strictly ahead of j; so items sharing a position never beat one another.</summary>
    [Property(Arbitrary = [typeof(RandomElections)], MaxTest = 500, EndSize = 30)]
    public void The_ranking_never_contradicts_the_strongest_paths(RandomElection election)
    {
        var result = SchulzeMethod.Tally(PriorityPoll.Create(election.Items), election.WeightedBallots());
        var position = result.Ranking.Entries.ToDictionary(entry => entry.Item, entry => entry.Position);

        foreach (var item in election.Items)
        {
            foreach (var other in election.Items.Where(other => result.StrongestPaths[item, other] > result.StrongestPaths[other, item]))
            {
                Assert.True(position[item] < position[other], $"{item} beats {other} but is not placed ahead");
            }
        }
    }

    /// <summary>
    /// Guards the generator: the properties only mean something if both cases occur often. A fixed seed keeps the
    /// guard from failing by chance on some run.
    /// </summary>
    [Fact]
    public void Generated_elections_have_Condorcet_winners_ties_and_neither()
    {
        var elections = RandomElection.Generator().Sample(300, new Rnd(20261123), 20);
        var results = elections.Select(election => (election, SchulzeMethod.Tally(PriorityPoll.Create(election.Items), election.WeightedBallots()).Ranking)).ToList();

        Assert.Contains(results, result => result.election.ItemCount >= 3 && result.election.CondorcetWinner() is not null);
        Assert.Contains(results, result => result.election.ItemCount >= 3 && result.election.CondorcetWinner() is null);
        Assert.Contains(results, result => result.Ranking.Entries.Count(entry => entry.Tied) is > 0 and < 4 && result.election.ItemCount >= 4);
    }

    private static Dictionary<(string From, string Over), long> Cells(PairwiseMatrix matrix) =>
        matrix.Items.SelectMany(from => matrix.Items.Select(over => (from, over))).ToDictionary(pair => pair, pair => matrix[pair.from, pair.over]);
}
