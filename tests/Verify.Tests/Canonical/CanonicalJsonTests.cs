using System.Text.Json;
using Governance.Verify.Canonical;
using Governance.Verify.Tests.Records;

namespace Governance.Verify.Tests.Canonical;

/// <summary>The canonical form is RFC 8785's, so other tools reproduce the digest: the RFC's own examples, and a digest Python computed.</summary>
public sealed class CanonicalJsonTests
{
    /// <summary>RFC 8785, appendix B: IEEE 754 doubles by their bits, and how ECMAScript writes them.</summary>
    [Theory]
    [InlineData(0x0000000000000000, "0")]
    [InlineData(unchecked((long)0x8000000000000000), "0")]
    [InlineData(0x0000000000000001, "5e-324")]
    [InlineData(unchecked((long)0x8000000000000001), "-5e-324")]
    [InlineData(0x7fefffffffffffff, "1.7976931348623157e+308")]
    [InlineData(unchecked((long)0xffefffffffffffff), "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000, "9007199254740992")]
    [InlineData(unchecked((long)0xc340000000000000), "-9007199254740992")]
    [InlineData(0x4430000000000000, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6, "1e+23")]
    [InlineData(0x44b52d02c7e14af7, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4e, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4f, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8d, "0.000001")]
    [InlineData(0x41b3de4355555553, "333333333.3333332")]
    [InlineData(0x41b3de4355555554, "333333333.33333325")]
    [InlineData(0x41b3de4355555555, "333333333.3333333")]
    [InlineData(0x41b3de4355555556, "333333333.3333334")]
    [InlineData(0x41b3de4355555557, "333333333.33333343")]
    [InlineData(unchecked((long)0xbecbf647612f3696), "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959, "1424953923781206.2")]
    public void Numbers_are_written_as_ecmascript_writes_a_double(long bits, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Number(BitConverter.Int64BitsToDouble(bits)));
    }

    [Theory]
    [InlineData("0.5", "0.5")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("1E2", "100")]
    [InlineData("-0.0", "0")]
    public void A_number_is_written_by_its_value_not_its_spelling(string json, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Of(JsonDocument.Parse(json).RootElement));
    }

    /// <summary>RFC 8785, section 3.2.2.2: only quotes, backslashes and control characters are escaped.</summary>
    [Fact]
    public void Strings_escape_only_what_json_requires()
    {
        var value = JsonDocument.Parse("""["\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/"]""").RootElement;

        Assert.Equal("[\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"]", CanonicalJson.Of(value));
    }

    /// <summary>RFC 8785, section 3.2.3: members are sorted by the UTF-16 code units of their names, at every depth, with no whitespace.</summary>
    [Fact]
    public void Members_are_sorted_by_their_names_utf16_code_units()
    {
        var value = JsonDocument.Parse("""
            {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
             "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis",
             "nested": {"b": [1, {"z": true, "y": null}], "a": false}}
            """).RootElement;

        Assert.Equal(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"nested\":{\"a\":false,\"b\":[1,{\"y\":null,\"z\":true}]},\"\u0080\":\"Control\"," +
            "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
            CanonicalJson.Of(value));
    }

    /// <summary>The fixture's digest was computed by Python (json.dumps with sorted keys and no whitespace, then hashlib), not by this code.</summary>
    [Fact]
    public void The_digest_is_sha256_over_the_canonical_form_without_the_digest_as_other_tools_compute_it()
    {
        var record = JsonDocument.Parse(Recorded.Oven).RootElement;

        Assert.Equal(
            """{"ballots":[{"choice":"yes","memberId":"ann"}],"decision":{"cooperativeId":"acme","id":"oven","kind":"proposal","method":"majority","parameters":{},"quorum":0,"threshold":0.5,"topic":"budget"},"delegations":{"decision":{"dan":"cat"},"default":{"ben":"ann"},"topic":{"cat":"ben"}},"eligible":["ann","ben","cat","dan"],"result":{"counts":{"abstain":0,"no":0,"yes":4},"eligible":4,"outcome":"accepted","participation":4,"quorumReached":true,"status":"closed"}}""",
            RecordDigest.CanonicalForm(record));
        Assert.Equal("sha256:3c83edbe78aed9eb035c79b0489a69e5e81b71a96dc60cbf9b939a7b05e7fd73", RecordDigest.Of(record));
        Assert.Equal(record.GetProperty("digest").GetString(), RecordDigest.Of(record));
    }
}
