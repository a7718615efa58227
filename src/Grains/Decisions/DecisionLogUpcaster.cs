using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Domain.Decisions;
using Governance.Domain.Voting;
using Governance.Grains.EventSourcing;

namespace Governance.Grains.Decisions;

/// <summary>
/// Reads decision logs and snapshots in every shape ever stored. Proposals and polls once wrote their own
/// vocabularies ("proposal-created", "poll-ballot-cast", ...) and a proposal's ballot held its choice at top level;
/// those are read as today's events, and nothing stored is ever rewritten.
/// </summary>
public static class DecisionLogUpcaster
{
    private const string TypeProperty = "type";

    private static readonly Dictionary<string, string> RenamedTypes = new(StringComparer.Ordinal)
    {
        ["proposal-created"] = "decision-created",
        ["poll-created"] = "decision-created",
        ["poll-opened"] = "voting-opened",
        ["poll-ballot-cast"] = "ballot-cast",
        ["poll-ballot-withdrawn"] = "ballot-withdrawn",
        ["proposal-delegation-set"] = "delegation-set",
        ["poll-delegation-set"] = "delegation-set",
        ["proposal-delegation-cleared"] = "delegation-cleared",
        ["poll-delegation-cleared"] = "delegation-cleared",
        ["poll-member-left"] = "member-left",
        ["poll-closed"] = "voting-closed",
    };

    public static DecisionEvent ReadEvent(byte[] data)
    {
        var type = TypeOf(data);
        if (type == "ballot-cast")
        {
            // The commonest event, read without an intermediate tree: either shape fits the tolerant record.
            var ballot = EventSerializer.Deserialize<StoredBallotCast>(data);
            return new BallotCast(ballot.At, ballot.MemberId, ballot.Marks ?? BallotMarks.Of(ballot.Choice ?? throw Unreadable(type)));
        }

        if (type is null || !RenamedTypes.TryGetValue(type, out var renamed))
        {
            return EventSerializer.Deserialize<DecisionEvent>(data);
        }

        var stored = JsonNode.Parse(data)!.AsObject();
        stored[TypeProperty] = renamed;
        if (type == "proposal-created")
        {
            stored["method"] = "majority";
        }

        return stored.Deserialize<DecisionEvent>(EventSerializer.Options) ?? throw Unreadable(type);
    }

    public static DecisionStateSnapshot ReadSnapshot(byte[] data)
    {
        var stored = JsonNode.Parse(data)!.AsObject();
        if (stored["created"] is JsonObject created && !created.ContainsKey("method"))
        {
            created["method"] = "majority";
        }

        foreach (var ballot in stored["ballots"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (!ballot.ContainsKey("marks") && ballot["choice"] is { } choice)
            {
                ballot.Remove("choice");
                ballot["marks"] = new JsonObject { ["choice"] = choice };
            }
        }

        return stored.Deserialize<DecisionStateSnapshot>(EventSerializer.Options)
            ?? throw new InvalidDataException("A stored decision snapshot was empty.");
    }

    /// <summary>Every event is written with its type first, so the first property says which shape follows.</summary>
    private static string? TypeOf(byte[] data)
    {
        var reader = new Utf8JsonReader(data);
        return reader.Read() && reader.TokenType == JsonTokenType.StartObject
            && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(TypeProperty)
            && reader.Read() && reader.TokenType == JsonTokenType.String
                ? reader.GetString()
                : null;
    }

    private static InvalidDataException Unreadable(string? type) => new($"A stored decision event of type '{type}' could not be read.");

    /// <summary>A ballot as either shape stored it: today's marks, or a proposal's choice from before decisions shared one vocabulary.</summary>
    private sealed record StoredBallotCast(DateTimeOffset At, string MemberId, BallotMarks? Marks = null, Choice? Choice = null);
}
