using Governance.Domain.Priorities;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Priorities;

public sealed class SchulzeMethodTests
{
    private static readonly PriorityPoll FiveCandidates = PriorityPoll.Create(["A", "B", "C", "D", "E"]);

    /// <summary>The example of https://en.wikipedia.org/wiki/Schulze_method: 45 voters, 8 distinct orders.</summary>
    private static readonly (string Order, int Voters)[] WikipediaElection =
    [
        ("ACBED", 5), ("ADECB", 5), ("BEDAC", 8), ("CABED", 3), ("CAEBD", 7), ("CBADE", 2), ("DCEBA", 7), ("EBADC", 8),
    ];

    /// <summary>
    /// d[X,Y], counted by hand from the orders above, e.g. A over B: ACBED 5 + ADECB 5 + CABED 3 + CAEBD 7 = 20,
    /// and B over A is the other 25 voters. Rows are X, columns Y, in the order A..E.
    /// </summary>
    private static readonly long[,] WikipediaPreferences =
    {
        { 0, 20, 26, 30, 22 },
        { 25, 0, 16, 33, 18 },
        { 19, 29, 0, 17, 24 },
        { 15, 12, 28, 0, 14 },
        { 23, 27, 21, 31, 0 },
    };

    private static readonly long[,] WikipediaStrongestPaths =
    {
        { 0, 28, 28, 30, 24 },
        { 25, 0, 28, 33, 24 },
        { 25, 29, 0, 29, 24 },
        { 25, 28, 28, 0, 24 },
        { 25, 28, 28, 31, 0 },
    };

    public static TheoryData<bool> BallotForms => new() { false, true };

    [Theory]
    [MemberData(nameof(BallotForms))]
    public void Wikipedia_example_gives_the_published_matrices_and_ranks_E_A_C_B_D(bool weighted)
    {
        var ballots = weighted
            ? WikipediaElection.Select(group => Ballots.Strict(group.Order, group.Voters))
            : WikipediaElection.SelectMany(group => Enumerable.Repeat(Ballots.Strict(group.Order), group.Voters));

        var result = SchulzeMethod.Tally(FiveCandidates, [.. ballots]);

        AssertMatrix(WikipediaPreferences, result.Preferences);
        AssertMatrix(WikipediaStrongestPaths, result.StrongestPaths);
        Assert.Equal(
            [
                new RankedItem("E", 1, 4, false),
                new RankedItem("A", 2, 3, false),
                new RankedItem("C", 3, 2, false),
                new RankedItem("B", 4, 1, false),
                new RankedItem("D", 5, 0, false),
            ],
            result.Ranking.Entries);
    }

    /// <summary>
    /// Two voters tie A and B on top and leave C and D unranked; one voter ranks C over D. So d[A,B] = d[B,A] = 0,
    /// A and B each beat C and D 2 to 1, and C beats D 1 to 0. Neither A nor B has a path to the other.
    /// </summary>
    [Fact]
    public void Items_without_a_path_between_them_share_a_position()
    {
        var poll = PriorityPoll.Create(["A", "B", "C", "D"]);

        var result = SchulzeMethod.Tally(poll, [Ballots.Tiered("AB", 2), Ballots.Tiered("C|D")]);

        Assert.Equal((0, 0), (result.StrongestPaths["A", "B"], result.StrongestPaths["B", "A"]));
        Assert.Equal((2, 1), (result.Preferences["A", "C"], result.Preferences["C", "A"]));
        Assert.Equal((1, 0), (result.Preferences["C", "D"], result.Preferences["D", "C"]));
        Assert.Equal(
            [
                new RankedItem("A", 1, 2, true),
                new RankedItem("B", 1, 2, true),
                new RankedItem("C", 3, 1, false),
                new RankedItem("D", 4, 0, false),
            ],
            result.Ranking.Entries);
    }

    [Fact]
    public void Tied_items_are_presented_in_the_polls_listing_order()
    {
        var poll = PriorityPoll.Create(["B", "A", "C", "D"]);

        var result = SchulzeMethod.Tally(poll, [Ballots.Tiered("AB", 2), Ballots.Tiered("C|D")]);

        Assert.Equal(["B", "A", "C", "D"], result.Ranking.Entries.Select(entry => entry.Item));
        Assert.Equal([1, 1, 3, 4], result.Ranking.Entries.Select(entry => entry.Position));
    }

    [Fact]
    public void No_ballots_tie_every_item()
    {
        var result = SchulzeMethod.Tally(FiveCandidates, []);

        Assert.All(result.Ranking.Entries, entry => Assert.Equal((1, 0.0, true), (entry.Position, entry.Score, entry.Tied)));
    }

    public static TheoryData<RankedBallot, string> InvalidBallots => new()
    {
        { Ballots.Strict("AZ"), "unknown-item" },
        { Ballots.Strict("ABA"), "duplicate-item" },
        { Ballots.Tiered("AA|B"), "duplicate-item" },
        { new RankedBallot([["A"], [], ["B"]]), "empty-rank" },
        { Ballots.Strict("AB", 0), "invalid-weight" },
        { Ballots.Strict("AB", -3), "invalid-weight" },
    };

    [Theory]
    [MemberData(nameof(InvalidBallots))]
    public void Invalid_ranked_ballots_are_rejected(RankedBallot ballot, string code)
    {
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => SchulzeMethod.Validate(FiveCandidates, ballot)).Code);
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => SchulzeMethod.Tally(FiveCandidates, [Ballots.Strict("EDC"), ballot])).Code);
    }

    private static void AssertMatrix(long[,] expected, PairwiseMatrix actual)
    {
        for (var from = 0; from < actual.Items.Count; from++)
        {
            for (var over = 0; over < actual.Items.Count; over++)
            {
                Assert.True(
                    expected[from, over] == actual[actual.Items[from], actual.Items[over]],
                    $"[{actual.Items[from]},{actual.Items[over]}]: expected {expected[from, over]}, got {actual[actual.Items[from], actual.Items[over]]}");
            }
        }
    }
}
