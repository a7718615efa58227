using Governance.Verify.Tests.Records;

namespace Governance.Verify.Tests.Counting;

/// <summary>The majority rule as the verifier recounts it: every field of the tally, and each edge of quorum and threshold.</summary>
public sealed class MajorityTests
{
    private const string NoDelegations = """{"default": {}, "topic": {}, "decision": {}}""";

    [Fact]
    public void Every_field_of_a_tally_that_is_wrong_is_named_with_the_value_recounted_and_the_value_found()
    {
        var record = Recorded.Proposal(
            """["ann", "ben", "cat"]""",
            """{"default": {"cat": "ben"}, "topic": {}, "decision": {}}""",
            """[{"memberId": "ann", "choice": "yes"}, {"memberId": "ben", "choice": "no"}]""",
            """{"status": "voting", "eligible": 3, "participation": 2, "counts": {"yes": 1, "no": 1, "abstain": 0}, "quorumReached": false, "outcome": "accepted"}""",
            quorum: 0.9);

        Assert.Equal(
            [
                "result.status: expected \"closed\", found \"voting\"",
                "result.participation: expected 3, found 2",
                "result.counts.no: expected 2, found 1",
                "result.quorumReached: expected true, found false",
                "result.outcome: expected \"rejected\", found \"accepted\"",
            ],
            Recorded.Mismatches(record));
    }

    [Theory]
    [InlineData(0.3, 0.5, 3, 2, 1, 0, true, "accepted")] // 3 of 10 meets a quorum of 0.3 exactly
    [InlineData(0.31, 0.5, 3, 2, 1, 0, false, "rejected")]
    [InlineData(0, 0.5, 4, 2, 2, 0, true, "rejected")] // yes / (yes + no) must be above the threshold, not equal to it
    [InlineData(0, 0.5, 2, 0, 0, 2, true, "rejected")] // abstentions count for quorum only
    [InlineData(0, 0, 1, 1, 0, 0, true, "accepted")]
    public void Quorum_and_threshold_compare_ratios_as_users_state_them(
        double quorum, double threshold, int voters, int yes, int no, int abstain, bool quorumReached, string outcome)
    {
        string[] members = [.. Enumerable.Range(0, 10).Select(index => $"m{index}")];
        string[] choices = [.. Enumerable.Repeat("yes", yes), .. Enumerable.Repeat("no", no), .. Enumerable.Repeat("abstain", abstain)];
        Assert.Equal(voters, choices.Length);
        var ballots = string.Join(", ", choices.Select((choice, index) => $$"""{"memberId": "m{{index}}", "choice": "{{choice}}"}"""));
        var result = $$"""
            {"status": "closed", "eligible": 10, "participation": {{voters}}, "counts": {"yes": {{yes}}, "no": {{no}}, "abstain": {{abstain}}},
             "quorumReached": {{(quorumReached ? "true" : "false")}}, "outcome": "{{outcome}}"}
            """;

        var record = Recorded.Proposal($"[{string.Join(", ", members.Select(member => $"\"{member}\""))}]", NoDelegations, $"[{ballots}]", result, quorum, threshold);

        Assert.Empty(Recorded.Mismatches(record));
    }

    [Fact]
    public void With_nobody_eligible_only_a_quorum_of_zero_is_reached()
    {
        const string result = """{"status": "closed", "eligible": 0, "participation": 0, "counts": {"yes": 0, "no": 0, "abstain": 0}, "quorumReached": true, "outcome": "rejected"}""";

        Assert.Empty(Recorded.Mismatches(Recorded.Proposal("[]", NoDelegations, "[]", result)));
        Assert.Equal(
            ["result.quorumReached: expected false, found true"],
            Recorded.Mismatches(Recorded.Proposal("[]", NoDelegations, "[]", result, quorum: 0.1)));
    }
}
