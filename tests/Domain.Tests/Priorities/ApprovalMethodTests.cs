using Governance.Domain.Priorities;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Priorities;

public sealed class ApprovalMethodTests
{
    private static readonly PriorityPoll Poll = PriorityPoll.Create(["A", "B", "C"]);

    /// <summary>A: 3 + 1 = 4; B: 3 + 1 = 4; C: 2.</summary>
    [Fact]
    public void Approvals_add_up_by_weight()
    {
        var ranking = ApprovalMethod.Tally(Poll, [new(["A", "B"], 3), new(["C"], 2), new(["B"]), new(["A"]), new([])]);

        Assert.Equal(
            [
                new RankedItem("A", 1, 4, true),
                new RankedItem("B", 1, 4, true),
                new RankedItem("C", 3, 2, false),
            ],
            ranking.Entries);
    }

    [Theory]
    [InlineData(new[] { "A", "Z" }, 1, "unknown-item")]
    [InlineData(new[] { "B", "B" }, 1, "duplicate-item")]
    [InlineData(new[] { "A" }, 0, "invalid-weight")]
    public void Invalid_ballots_are_rejected(string[] approved, int weight, string code) =>
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => ApprovalMethod.Validate(Poll, new ApprovalBallot(approved, weight))).Code);
}
