using Governance.Api.Audit;

namespace Governance.Api.Tests.Audit;

/// <summary>The server seals records with RFC 8785's canonical form; its numbers are the hard part, checked here on the RFC's own examples.</summary>
public sealed class CanonicalFormTests
{
    [Theory]
    [InlineData(0x0000000000000000, "0")]
    [InlineData(unchecked((long)0x8000000000000000), "0")]
    [InlineData(0x0000000000000001, "5e-324")]
    [InlineData(0x7fefffffffffffff, "1.7976931348623157e+308")]
    [InlineData(unchecked((long)0xc340000000000000), "-9007199254740992")]
    [InlineData(0x4430000000000000, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af6, "1e+23")]
    [InlineData(0x444b1ae4d6e2ef4f, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8d, "0.000001")]
    [InlineData(0x41b3de4355555554, "333333333.33333325")]
    [InlineData(unchecked((long)0xbecbf647612f3696), "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959, "1424953923781206.2")]
    public void Numbers_are_written_as_ecmascript_writes_a_double(long bits, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Number(BitConverter.Int64BitsToDouble(bits)));
    }

    [Fact]
    public void Members_are_sorted_strings_escaped_only_where_json_requires_and_the_digest_member_left_out()
    {
        var record = JsonDocument.Parse("""{"digest": "x", "b": ["\u20ac\n\"\\/", 2.50], "a": {"\u00f6": null, "\r": true}}""").RootElement;

        Assert.Equal("{\"a\":{\"\\r\":true,\"\u00f6\":null},\"b\":[\"\u20ac\\n\\\"\\\\/\",2.5]}", System.Text.Encoding.UTF8.GetString(CanonicalJson.Utf8(record, "digest")));
    }
}
