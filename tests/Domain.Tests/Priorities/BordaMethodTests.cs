using Governance.Domain.Priorities;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Priorities;

public sealed class BordaMethodTests
{
    private static readonly PriorityPoll Poll = PriorityPoll.Create(["A", "B", "C", "D"]);

    /// <summary>
    /// A>B>C>D (weight 1): A 3, B 2, C 1, D 0.
    /// B>{A,C}>D (weight 2): B 3; A and C have 1 below and 1 tied, 1.5 each; D 0. Doubled: B 6, A 3, C 3, D 0.
    /// {D,C} then unranked {A,B} (weight 1): D and C have 2 below and 1 tied, 2.5 each; A and B 0.5 each.
    /// Totals: A 6.5, B 8.5, C 6.5, D 2.5, which add up to 6 points per member for 4 members.
    /// </summary>
    [Fact]
    public void Tied_items_share_the_points_of_their_places_and_tied_totals_share_a_position()
    {
        var ranking = BordaMethod.Tally(Poll, [Ballots.Strict("ABCD"), Ballots.Tiered("B|AC|D", 2), Ballots.Tiered("DC")]);

        Assert.Equal(
            [
                new RankedItem("B", 1, 8.5, false),
                new RankedItem("A", 2, 6.5, true),
                new RankedItem("C", 2, 6.5, true),
                new RankedItem("D", 4, 2.5, false),
            ],
            ranking.Entries);
    }

    [Fact]
    public void A_strict_ballot_gives_n_minus_1_down_to_0()
    {
        var ranking = BordaMethod.Tally(Poll, [Ballots.Strict("DBAC", 3)]);

        Assert.Equal([("D", 9.0), ("B", 6.0), ("A", 3.0), ("C", 0.0)], ranking.Entries.Select(entry => (entry.Item, entry.Score)));
    }

    [Theory]
    [InlineData("AZ", "unknown-item")]
    [InlineData("A|BA", "duplicate-item")]
    [InlineData("A||B", "empty-rank")]
    public void Invalid_ballots_are_rejected(string ranks, string code) =>
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => BordaMethod.Validate(Poll, Ballots.Tiered(ranks))).Code);

    [Fact]
    public void A_ballot_without_weight_is_rejected() =>
        Assert.Equal("invalid-weight", Assert.Throws<RuleViolationException>(() => BordaMethod.Tally(Poll, [Ballots.Strict("AB", 0)])).Code);
}
