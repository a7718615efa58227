using Governance.Verify.Tests.Records;

namespace Governance.Verify.Tests.Counting;

/// <summary>Each ranking method recounted from weighted ballots, with positions, ties and, for Schulze, both matrices.</summary>
public sealed class PollMethodTests
{
    /// <summary>The README's example: ann's ballot carries three members (ben's and cat's weight by delegation), dan's one.</summary>
    [Fact]
    public void Schulze_counts_preferences_and_strongest_paths_and_scores_the_items_each_item_beats()
    {
        var record = Recorded.Sealed("""
            {"decision": {"kind": "poll", "id": "spring", "cooperativeId": "acme", "topic": "budget", "method": "schulze", "parameters": {},
                          "items": [{"id": "oven", "title": "New oven"}, {"id": "van", "title": "Delivery van"}, {"id": "till", "title": "Card till"}]},
             "eligible": ["ann", "ben", "cat", "dan"],
             "delegations": {"default": {"ben": "ann"}, "topic": {"cat": "ben"}, "decision": {}},
             "ballots": [{"memberId": "ann", "ranking": [["oven"], ["van", "till"]]}, {"memberId": "dan", "ranking": [["van"], ["till"], ["oven"]]}],
             "result": {"status": "closed", "method": "schulze", "eligible": 4, "participation": 4,
                        "ranking": [{"position": 1, "itemId": "oven", "title": "New oven", "score": 2, "tied": false},
                                    {"position": 2, "itemId": "van", "title": "Delivery van", "score": 1, "tied": false},
                                    {"position": 3, "itemId": "till", "title": "Card till", "score": 0, "tied": false}],
                        "schulze": {"preferences": {"oven": {"van": 3, "till": 3}, "van": {"oven": 1, "till": 1}, "till": {"oven": 1, "van": 0}},
                                    "strongestPaths": {"oven": {"van": 3, "till": 3}, "van": {"oven": 0, "till": 1}, "till": {"oven": 0, "van": 0}}}},
             "digest": ""}
            """);

        Assert.Empty(Recorded.Mismatches(record));
        Assert.Equal(
            ["result.schulze.preferences.van.till: expected 1, found 2"],
            Recorded.Mismatches(Recorded.Sealed(record.Replace("\"van\":{\"oven\":1,\"till\":1}", "\"van\":{\"oven\":1,\"till\":2}"))));
    }

    [Fact]
    public void Borda_gives_tied_items_half_a_point_for_each_other_item_they_tie_with()
    {
        var record = Recorded.Poll(
            "borda", "{}", """["ann", "ben", "cat"]""",
            """[{"memberId": "ann", "ranking": [["a"], ["b", "c"]]}, {"memberId": "ben", "ranking": [["c"]]}]""",
            """
            {"status": "closed", "method": "borda", "eligible": 3, "participation": 2,
             "ranking": [{"position": 1, "itemId": "a", "title": "A", "score": 2.5, "tied": true},
                         {"position": 1, "itemId": "c", "title": "C", "score": 2.5, "tied": true},
                         {"position": 3, "itemId": "b", "title": "B", "score": 1, "tied": false}],
             "schulze": null}
            """);

        Assert.Empty(Recorded.Mismatches(record));
    }

    [Theory]
    [InlineData("approval", "{}", """{"approved": ["a", "c"]}""", """{"approved": ["c"]}""", 1, 0, 2)]
    [InlineData("score", """{"maxScore": 5}""", """{"allocations": [{"item": "a", "amount": 5}, {"item": "b", "amount": 1}]}""", """{"allocations": [{"item": "b", "amount": 4}]}""", 5, 5, 0)]
    [InlineData("quadratic", """{"creditBudget": 10}""", """{"allocations": [{"item": "a", "amount": -3}, {"item": "b", "amount": 1}]}""", """{"allocations": [{"item": "a", "amount": 2}]}""", -1, 1, 0)]
    [InlineData("dot", """{"pointBudget": 4}""", """{"allocations": [{"item": "c", "amount": 4}]}""", """{"allocations": [{"item": "a", "amount": 3}, {"item": "c", "amount": 1}]}""", 3, 0, 5)]
    public void Summing_methods_add_each_ballots_amounts_times_its_weight(string method, string parameters, string ann, string ben, double a, double b, double c)
    {
        double[] scores = [a, b, c];
        string[] items = ["a", "b", "c"];
        var ranking = Enumerable.Range(0, 3).OrderByDescending(index => scores[index]).ThenBy(index => index).Select(index =>
            $$"""{"position": {{1 + scores.Count(other => other > scores[index])}}, "itemId": "{{items[index]}}", "title": "{{items[index].ToUpperInvariant()}}", "score": {{scores[index]}}, "tied": {{(scores.Count(other => other == scores[index]) > 1 ? "true" : "false")}}}""");
        var result = $$"""{"status": "closed", "method": "{{method}}", "eligible": 2, "participation": 2, "ranking": [{{string.Join(", ", ranking)}}], "schulze": null}""";

        var record = Recorded.Poll(method, parameters, """["ann", "ben"]""", $$"""[{"memberId": "ann", {{ann[1..^1]}}}, {"memberId": "ben", {{ben[1..^1]}}}]""", result);

        Assert.Empty(Recorded.Mismatches(record));
    }

    [Fact]
    public void A_ballot_that_breaks_its_methods_rules_or_comes_from_someone_not_eligible_is_a_mismatch()
    {
        var record = Recorded.Poll(
            "quadratic", """{"creditBudget": 9}""", """["ann", "ben"]""",
            """
            [{"memberId": "ann", "allocations": [{"item": "a", "amount": 3}, {"item": "b", "amount": 1}]},
             {"memberId": "ben", "allocations": [{"item": "z", "amount": 1}, {"item": "a", "amount": 1}, {"item": "a", "amount": 1}]},
             {"memberId": "eve", "ranking": [["a"]]}]
            """,
            """{"status": "closed", "method": "quadratic", "eligible": 2, "participation": 2, "ranking": [], "schulze": null}""");

        Assert.Equal(
            [
                "ballots[0] (ann): votes cost 10 credits, over the budget of 9",
                "ballots[1] (ben): names 'z', which is not an item of the poll",
                "ballots[1] (ben): names 'a' 2 times",
                "ballots[2]: 'eve' is not eligible, so their ballot was not accepted",
                "ballots[2] (eve): marks ranking, which the quadratic method does not read",
                "ballots[2] (eve): has no allocations",
                "result.ranking (items): expected 3, found 0",
            ],
            Recorded.Mismatches(record));
    }
}
