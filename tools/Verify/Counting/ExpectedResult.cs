using System.Text.Json.Nodes;
using Governance.Verify.Chains;
using Governance.Verify.Records;

namespace Governance.Verify.Counting;

/// <summary>
/// The result the record's ballots and delegations give, in the shape of the body the server answers at close: a
/// proposal's tally (status, eligible, participation, counts, quorumReached, outcome) or a poll's result (status,
/// method, eligible, participation, ranking, schulze).
/// </summary>
public static class ExpectedResult
{
    public static JsonObject Of(AuditRecord record, IReadOnlyList<Chain> chains) =>
        record.Decision.Method == "majority" ? Majority(MajorityCount.Count(record, chains)) : Poll(record, PollCount.Count(record, chains));

    private static JsonObject Majority(MajorityTally tally) => new()
    {
        ["status"] = "closed",
        ["eligible"] = tally.Eligible,
        ["participation"] = tally.Participation,
        ["counts"] = new JsonObject { ["yes"] = tally.Yes, ["no"] = tally.No, ["abstain"] = tally.Abstain },
        ["quorumReached"] = tally.QuorumReached,
        ["outcome"] = tally.Outcome,
    };

    private static JsonObject Poll(AuditRecord record, PollTally tally) => new()
    {
        ["status"] = "closed",
        ["method"] = record.Decision.Method,
        ["eligible"] = tally.Eligible,
        ["participation"] = tally.Participation,
        ["ranking"] = new JsonArray([.. tally.Ranking.Select(standing => (JsonNode)new JsonObject
        {
            ["position"] = standing.Position,
            ["itemId"] = standing.ItemId,
            ["title"] = standing.Title,
            ["score"] = standing.Score,
            ["tied"] = standing.Tied,
        })]),
        ["schulze"] = tally.Schulze is { } schulze
            ? new JsonObject
            {
                ["preferences"] = ByItem(record.Decision.Items, schulze.Preferences),
                ["strongestPaths"] = ByItem(record.Decision.Items, schulze.StrongestPaths),
            }
            : null,
    };

    /// <summary>matrix[x][y] by item id for every pair of distinct items; the diagonal means nothing.</summary>
    private static JsonObject ByItem(IReadOnlyList<Item> items, long[,] matrix)
    {
        var rows = new JsonObject();
        for (var x = 0; x < items.Count; x++)
        {
            var row = new JsonObject();
            for (var y = 0; y < items.Count; y++)
            {
                if (x != y)
                {
                    row[items[y].Id] = matrix[x, y];
                }
            }

            rows[items[x].Id] = row;
        }

        return rows;
    }
}
