using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Verify.Canonical;
using Governance.Verify.Checks;
using Governance.Verify.Records;

namespace Governance.Verify.Tests.Records;

/// <summary>Records for the tests: written out in JSON, sealed with their digest, and verified.</summary>
internal static class Recorded
{
    /// <summary>The record of the README's example, sealed with the digest Python's json and hashlib computed for it.</summary>
    public static string Oven => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Records", "oven.json"));

    /// <summary>The record with its digest set to the one its canonical form gives, as the server seals it.</summary>
    public static string Sealed(string json)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        record["digest"] = RecordDigest.Of(JsonSerializer.SerializeToElement(record));
        return record.ToJsonString();
    }

    /// <summary>A sealed proposal record over these members, delegations and ballots, whose result the test states.</summary>
    public static string Proposal(
        string eligible, string delegations, string ballots, string result, double quorum = 0, double threshold = 0.5) =>
        Sealed($$$"""
        {"decision": {"kind": "proposal", "id": "p", "cooperativeId": "c", "topic": "t", "method": "majority", "parameters": {},
                      "quorum": {{{quorum}}}, "threshold": {{{threshold}}}},
         "eligible": {{{eligible}}}, "delegations": {{{delegations}}}, "ballots": {{{ballots}}}, "result": {{{result}}}, "digest": ""}
        """);

    /// <summary>A sealed poll record over items a, b and c (titled A, B, C), every member eligible and no delegations.</summary>
    public static string Poll(string method, string parameters, string eligible, string ballots, string result, string? items = null) =>
        Sealed($$$"""
        {"decision": {"kind": "poll", "id": "p", "cooperativeId": "c", "topic": null, "method": "{{{method}}}", "parameters": {{{parameters}}},
                      "items": {{{items ?? ThreeItems}}}},
         "eligible": {{{eligible}}}, "delegations": {"default": {}, "topic": {}, "decision": {}}, "ballots": {{{ballots}}}, "result": {{{result}}}, "digest": ""}
        """);

    private const string ThreeItems = """[{"id": "a", "title": "A"}, {"id": "b", "title": "B"}, {"id": "c", "title": "C"}]""";

    public static Verification Verify(string json) => Verification.Of(RecordReader.Read(json));

    /// <summary>The checks that failed, as "path: expected …, found …" lines.</summary>
    public static string[] Mismatches(string json) =>
        [.. Verify(json).Checks.Where(check => check.Outcome == Outcome.Mismatched)
            .Select(check => check.Group == RecordRules.Group ? check.Path : $"{check.Path}: expected {check.Expected}, found {check.Found}")];
}
