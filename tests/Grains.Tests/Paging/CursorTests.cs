using Governance.Domain.Rules;
using Governance.Grains.Paging;

namespace Governance.Grains.Tests.Paging;

public sealed class CursorTests
{
    [Fact]
    public void A_version_cursor_holds_numbers_beyond_an_int_since_a_busy_webhook_passes_that_many_deliveries_in_days()
    {
        Assert.Equal(3_000_000_000L, Cursor.ToVersion("3000000000", "cursor"));
        Assert.Equal(0, Cursor.ToVersion(null, "after"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void A_cursor_no_list_returned_is_refused_naming_its_parameter(string cursor)
    {
        var refused = Assert.Throws<RuleViolationException>(() => Cursor.ToVersion(cursor, "after"));

        Assert.Equal("invalid-cursor", refused.Code);
        Assert.Equal("after", refused.Field);
    }
}
