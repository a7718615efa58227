using Governance.Domain.Decisions;
using Governance.Domain.Priorities;
using static Governance.Domain.Tests.Decisions.DecisionScenario;
using static Governance.Domain.Tests.Decisions.PollScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>Every method counts the poll's ballots with their weights; priorities follow the positions.</summary>
public sealed class RankingResultTests
{
    private static readonly string[] Members = ["ann", "ben", "cat"];

    /// <summary>cat delegates to ben, so ben's ballot weighs 2 and ann's 1.</summary>
    private static readonly ClosingLayers BenCarriesCat = new(Layer(Members, ("cat", "ben")), null);

    public static TheoryData<CountingMethod, BallotMarks, BallotMarks, string[]> Methods => new()
    {
        // Borda with 3 items: first 2, second 1, last 0, tied items share the average.
        { CountingMethod.Borda, Ranking("a|b|c"), Ranking("c|ab"), ["1 c 4", "2 a 3", "3 b 2"] },
        { CountingMethod.Approval, new(Approved: ["a", "b"]), new(Approved: ["b"]), ["1 b 3", "2 a 1", "3 c 0"] },
        { CountingMethod.Score, Allocations(("a", 5), ("c", 1)), Allocations(("c", 3)), ["1 c 7", "2 a 5", "3 b 0"] },
        { CountingMethod.Quadratic, Allocations(("a", 6)), Allocations(("a", -2), ("b", 4)), ["1 b 8", "2 a 2", "3 c 0"] },
        { CountingMethod.Dot, Allocations(("b", 10)), Allocations(("a", 5), ("b", 5)), ["1 b 20", "2 a 10", "3 c 0"] },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Each_method_weighs_each_ballot_by_the_members_it_carries(CountingMethod method, BallotMarks ann, BallotMarks ben, string[] expected)
    {
        var poll = InVoting(method).Cast("ann", ann).Cast("ben", ben);

        var result = poll.LiveResult(Roster(Members), BenCarriesCat);

        Assert.Equal(expected, result.Ranking.Entries.Select(entry => $"{entry.Position} {entry.Item} {entry.Score}"));
        Assert.Null(result.Schulze);
        Assert.Equal((3, 3), (result.Eligible, result.Participation));
    }

    [Fact]
    public void Schulze_gives_its_matrices()
    {
        var poll = InVoting().Rank("ann", "a|b|c").Rank("ben", "c|b|a");

        var result = poll.LiveResult(Roster(Members), BenCarriesCat);

        Assert.Equal(["c", "b", "a"], result.Ranking.Entries.Select(entry => entry.Item));
        Assert.Equal((1, 2, 2), (result.Schulze!.Preferences["a", "c"], result.Schulze.Preferences["c", "a"], result.Schulze.StrongestPaths["c", "a"]));
    }

    [Fact]
    public void Priorities_are_n_minus_position_plus_one_over_n_and_ties_share_them()
    {
        var ranking = new PriorityRanking([new("b", 1, 9, false), new("a", 2, 4, true), new("d", 2, 4, true), new("c", 4, 0, false)]);

        var priorities = new RankingResult(ranking, null, 5, 5).ItemPriorities();

        Assert.Equal(new Dictionary<string, double> { ["b"] = 1, ["a"] = 0.75, ["d"] = 0.75, ["c"] = 0.25 }, priorities);
    }

    [Fact]
    public void Ties_are_listed_in_item_order_and_share_a_position()
    {
        var poll = InVoting(CountingMethod.Approval).Cast("ann", new(Approved: ["c", "a"]));

        var result = poll.LiveResult(Roster(Members), new ClosingLayers(Layer(Members), null));

        Assert.Equal(
            [new RankedItem("a", 1, 1, true), new RankedItem("c", 1, 1, true), new RankedItem("b", 3, 0, false)],
            result.Ranking.Entries);
    }
}
