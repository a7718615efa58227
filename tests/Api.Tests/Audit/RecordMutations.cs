using System.Text.Json.Nodes;
using Governance.Verify.Canonical;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// One change to an audit record: a ballot, a delegation or an eligible id. Left unsealed, the digest gives it away;
/// <see cref="Resealed"/> also rewrites the digest, as a forger would, so that only the recount can catch it.
/// </summary>
public static class RecordMutations
{
    public static JsonObject Parse(string record) => JsonNode.Parse(record)!.AsObject();

    public static JsonObject Resealed(JsonObject record)
    {
        record["digest"] = RecordDigest.Of(JsonSerializer.SerializeToElement(record));
        return record;
    }

    /// <summary>
    /// Changes the first ballot so that the count must change: another choice; the reverse of a ranking's order (or
    /// one item above the rest where all were tied); the first item approved or not; all amounts taken away, or one
    /// given where there were none. Each stays within its method's rules.
    /// </summary>
    public static JsonObject ChangeOneBallot(JsonObject record)
    {
        var ballot = record["ballots"]!.AsArray()[0]!.AsObject();
        var firstItem = record["decision"]!["items"]?.AsArray()[0]!["id"]!.GetValue<string>();
        if (ballot["choice"] is { } choice)
        {
            ballot["choice"] = choice.GetValue<string>() switch { "yes" => "no", "no" => "abstain", _ => "yes" };
        }
        else if (ballot["ranking"] is JsonArray ranking)
        {
            ballot["ranking"] = Reversed(ranking, Items(record));
        }
        else if (ballot["approved"] is JsonArray approved)
        {
            var others = approved.Select(item => item!.GetValue<string>()).Where(item => item != firstItem).ToList();
            var had = others.Count != approved.Count;
            ballot["approved"] = new JsonArray([.. (had ? others : [.. others, firstItem!]).Select(item => (JsonNode)item)]);
        }
        else
        {
            var allocations = ballot["allocations"]!.AsArray();
            var given = allocations.Any(allocation => allocation!["amount"]!.GetValue<int>() != 0);
            ballot["allocations"] = given ? new JsonArray() : new JsonArray(new JsonObject { ["item"] = firstItem, ["amount"] = 1 });
        }

        return record;
    }

    /// <summary>Points the first delegation of the record elsewhere (or, where it was a "none", at a member), or adds one where there is none.</summary>
    public static JsonObject ChangeOneDelegation(JsonObject record)
    {
        var eligible = Eligible(record);
        foreach (var scope in new[] { "default", "topic", "decision" })
        {
            var layer = record["delegations"]![scope]!.AsObject();
            if (layer.Count > 0)
            {
                var (member, delegateId) = layer.First();
                layer[member] = delegateId is null ? eligible.First(other => other != member) : null;
                return record;
            }
        }

        record["delegations"]!["decision"]![eligible[0]] = null;
        return record;
    }

    /// <summary>Blocks, on the decision, a member whose weight a delegation carried: the weight is lost, so participation must fall by one.</summary>
    public static JsonObject BlockACarriedMember(JsonObject record, string member)
    {
        record["delegations"]!["decision"]![member] = null;
        return record;
    }

    public static JsonObject ReplaceOneEligibleId(JsonObject record)
    {
        record["eligible"]!.AsArray()[^1] = "intruder";
        return record;
    }

    /// <summary>Leaves one member out of the eligible list, so the eligible count must fall by one.</summary>
    public static JsonObject DropOneEligibleId(JsonObject record)
    {
        record["eligible"]!.AsArray().RemoveAt(0);
        return record;
    }

    /// <summary>
    /// The ranking upside down, the unranked items first, which turns every strict preference round; a ranking with
    /// none (every item in one rank) gets one: the first item above the rest.
    /// </summary>
    private static JsonArray Reversed(JsonArray ranking, List<string> items)
    {
        var ranks = ranking.Select(rank => rank!.AsArray().Select(item => item!.GetValue<string>()).ToList()).ToList();
        var unranked = items.Except(ranks.SelectMany(rank => rank)).ToList();
        List<List<string>> groups = [.. ranks, .. unranked.Count > 0 ? [unranked] : Array.Empty<List<string>>()];
        List<List<string>> reversed = groups.Count > 1 ? [.. Enumerable.Reverse(groups)] : [[items[0]]];
        return new JsonArray([.. reversed.Select(rank => (JsonNode)new JsonArray([.. rank.Select(item => (JsonNode)item)]))]);
    }

    private static List<string> Items(JsonObject record) =>
        [.. record["decision"]!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>())];

    private static List<string> Eligible(JsonObject record) =>
        [.. record["eligible"]!.AsArray().Select(member => member!.GetValue<string>())];
}
