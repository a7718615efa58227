using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Governance.Domain.Decisions;
using Governance.Domain.Voting;
using Governance.Grains.EventSourcing;

namespace Governance.Grains.Decisions;

/// <summary>
/// How one kind of decision stores its log and snapshots: under the event names and shapes that kind has always
/// written. Logs written before proposals and polls shared one model replay unchanged, and logs written since stay
/// readable by the code before it. A proposal's ballot holds its choice at top level and its creation names no
/// method, since it is always majority; a poll's creation carries no quorum or threshold.
/// </summary>
public sealed class DecisionLogFormat
{
    private const string TypeProperty = "type";

    /// <summary>The events in the order of each kind's names below; declared first, since the kinds are built from it.</summary>
    private static readonly Type[] EventTypes =
    [
        typeof(DecisionCreated), typeof(VotingOpened), typeof(BallotCast), typeof(BallotWithdrawn),
        typeof(DelegationSet), typeof(DelegationCleared), typeof(MemberLeft), typeof(VotingClosed),
    ];

    public static readonly DecisionLogFormat Proposal = new(
        majority: true,
        foreignToCreation: ["method", "items", "parameter"],
        ["proposal-created", "voting-opened", "ballot-cast", "ballot-withdrawn", "proposal-delegation-set", "proposal-delegation-cleared", "member-left", "voting-closed"]);

    public static readonly DecisionLogFormat Poll = new(
        majority: false,
        foreignToCreation: ["quorum", "threshold"],
        ["poll-created", "poll-opened", "poll-ballot-cast", "poll-ballot-withdrawn", "poll-delegation-set", "poll-delegation-cleared", "poll-member-left", "poll-closed"]);

    private readonly bool _majority;
    private readonly string[] _foreignToCreation;
    private readonly Dictionary<Type, string> _names;
    private readonly Dictionary<string, Type> _types;

    private DecisionLogFormat(bool majority, string[] foreignToCreation, string[] names)
    {
        _majority = majority;
        _foreignToCreation = foreignToCreation;
        _names = EventTypes.Zip(names).ToDictionary(pair => pair.First, pair => pair.Second);
        _types = _names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }

    public static DecisionLogFormat Of(DecisionKind kind) => kind == DecisionKind.Proposal ? Proposal : Poll;

    public byte[] WriteEvent(DecisionEvent @event)
    {
        var body = @event switch
        {
            BallotCast cast => JsonSerializer.SerializeToUtf8Bytes(StoredBallot(cast), EventSerializer.Options),
            DecisionCreated => JsonSerializer.SerializeToUtf8Bytes(WithoutForeignParts(JsonSerializer.SerializeToNode(@event, @event.GetType(), EventSerializer.Options)!.AsObject()), EventSerializer.Options),
            _ => JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), EventSerializer.Options),
        };

        // The type goes first, where readers look for it: '{"type":"…",' and then the body's properties.
        var type = Encoding.UTF8.GetBytes($"{{\"{TypeProperty}\":\"{_names[@event.GetType()]}\",");
        return [.. type, .. body.AsSpan(1)];
    }

    public DecisionEvent ReadEvent(byte[] data)
    {
        var name = TypeOf(data);
        var type = name is not null && _types.TryGetValue(name, out var known)
            ? known
            : throw new InvalidDataException($"'{name}' is not an event of this decision's log.");
        if (type == typeof(BallotCast))
        {
            var ballot = EventSerializer.Deserialize<StoredBallotCast>(data);
            var marks = ballot.Marks ?? (ballot.Choice is { } choice ? BallotMarks.Of(choice) : throw new InvalidDataException("A stored ballot marks nothing."));
            return new BallotCast(ballot.At, ballot.MemberId, marks);
        }

        var @event = (DecisionEvent)(JsonSerializer.Deserialize(data, type, EventSerializer.Options)
            ?? throw new InvalidDataException($"A stored '{name}' was empty."));
        return @event is DecisionCreated created && _majority ? created with { Method = CountingMethod.Majority } : @event;
    }

    public byte[] WriteSnapshot(DecisionStateSnapshot snapshot)
    {
        var stored = JsonSerializer.SerializeToNode(snapshot, EventSerializer.Options)!.AsObject();
        WithoutForeignParts(stored["created"]!.AsObject());
        if (_majority)
        {
            stored["ballots"] = new JsonArray([.. snapshot.Ballots.Select(ballot => new JsonObject
            {
                ["memberId"] = ballot.MemberId,
                ["choice"] = JsonSerializer.SerializeToNode(ballot.Marks.Choice, EventSerializer.Options),
                ["castAt"] = JsonSerializer.SerializeToNode(ballot.CastAt, EventSerializer.Options),
            })]);
        }

        return JsonSerializer.SerializeToUtf8Bytes(stored, EventSerializer.Options);
    }

    public DecisionStateSnapshot ReadSnapshot(byte[] data)
    {
        var stored = JsonNode.Parse(data)!.AsObject();
        if (_majority)
        {
            stored["created"]!["method"] = "majority";
            foreach (var ballot in stored["ballots"]!.AsArray().OfType<JsonObject>())
            {
                var choice = ballot["choice"];
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

    private StoredBallotCast StoredBallot(BallotCast cast) =>
        _majority
            ? new StoredBallotCast(cast.At, cast.MemberId, Choice: cast.Marks.Choice)
            : new StoredBallotCast(cast.At, cast.MemberId, Marks: cast.Marks);

    private JsonObject WithoutForeignParts(JsonObject creation)
    {
        foreach (var name in _foreignToCreation)
        {
            creation.Remove(name);
        }

        return creation;
    }

    /// <summary>A ballot as each kind stores it: a proposal's choice at top level, a poll's marks.</summary>
    private sealed record StoredBallotCast(
        DateTimeOffset At,
        string MemberId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BallotMarks? Marks = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Choice? Choice = null);
}
