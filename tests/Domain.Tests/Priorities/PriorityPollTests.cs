using Governance.Domain.Priorities;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Priorities;

public sealed class PriorityPollTests
{
    [Theory]
    [InlineData(new string[0], "no-items")]
    [InlineData(new[] { "A", " " }, "invalid-item")]
    [InlineData(new[] { "A", "B", "A" }, "duplicate-item")]
    public void Invalid_item_lists_are_rejected(string[] items, string code) =>
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => PriorityPoll.Create(items)).Code);
}
