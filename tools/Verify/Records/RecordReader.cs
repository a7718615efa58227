using System.Text.Json;

namespace Governance.Verify.Records;

/// <summary>
/// Reads an audit record strictly: every part the record format names must be there with its type, and no object
/// may name a member twice, since readers would disagree on which one the record means.
/// </summary>
public static class RecordReader
{
    public static readonly IReadOnlyList<string> Methods = ["majority", "schulze", "borda", "approval", "score", "quadratic", "dot"];

    private static readonly (Scope Scope, string Name)[] ScopeNames = [(Scope.Default, "default"), (Scope.Topic, "topic"), (Scope.Decision, "decision")];

    public static AuditRecord Read(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new UnreadableRecordException($"The input is not JSON: {exception.Message}");
        }

        RequireUniqueNames(root, "$");
        var record = Object(root, "$");
        var decision = ReadDecision(Object(Property(record, "decision", "$"), "decision"));
        var delegations = Object(Property(record, "delegations", "$"), "delegations");
        return new AuditRecord(
            decision,
            Strings(Property(record, "eligible", "$"), "eligible"),
            ScopeNames.ToDictionary(scope => scope.Scope, scope => (IReadOnlyDictionary<string, string?>)ReadLayer(delegations, scope.Name)),
            [.. Array(Property(record, "ballots", "$"), "ballots").Select((ballot, index) => ReadBallot(ballot, $"ballots[{index}]"))],
            Object(Property(record, "result", "$"), "result"),
            Text(Property(record, "digest", "$"), "digest"),
            root);
    }

    private static AuditedDecision ReadDecision(JsonElement decision)
    {
        var kind = Text(Property(decision, "kind", "decision"), "decision.kind");
        var method = Text(Property(decision, "method", "decision"), "decision.method");
        if (!Methods.Contains(method))
        {
            throw new UnreadableRecordException($"decision.method: '{method}' is not a method the verifier knows ({string.Join(", ", Methods)}).");
        }

        var proposal = method == "majority";
        var parameters = Object(Property(decision, "parameters", "decision"), "decision.parameters")
            .EnumerateObject()
            .ToDictionary(parameter => parameter.Name, parameter => Integer(parameter.Value, $"decision.parameters.{parameter.Name}"), StringComparer.Ordinal);
        var items = proposal || !decision.TryGetProperty("items", out var listed)
            ? []
            : Array(listed, "decision.items").Select((item, index) => new Item(
                Text(Property(item, "id", $"decision.items[{index}]"), $"decision.items[{index}].id"),
                Text(Property(item, "title", $"decision.items[{index}]"), $"decision.items[{index}].title"))).ToList();
        return new AuditedDecision(
            kind,
            Text(Property(decision, "id", "decision"), "decision.id"),
            Text(Property(decision, "cooperativeId", "decision"), "decision.cooperativeId"),
            OptionalText(Property(decision, "topic", "decision"), "decision.topic"),
            method,
            parameters,
            proposal ? Number(Property(decision, "quorum", "decision"), "decision.quorum") : null,
            proposal ? Number(Property(decision, "threshold", "decision"), "decision.threshold") : null,
            items);
    }

    private static Dictionary<string, string?> ReadLayer(JsonElement delegations, string scope) =>
        Object(Property(delegations, scope, "delegations"), $"delegations.{scope}")
            .EnumerateObject()
            .ToDictionary(entry => entry.Name, entry => OptionalText(entry.Value, $"delegations.{scope}.{entry.Name}"), StringComparer.Ordinal);

    private static Ballot ReadBallot(JsonElement ballot, string path)
    {
        Object(ballot, path);
        string? choice = ballot.TryGetProperty("choice", out var chosen) ? Text(chosen, $"{path}.choice") : null;
        var ranking = ballot.TryGetProperty("ranking", out var ranks)
            ? Array(ranks, $"{path}.ranking").Select((rank, index) => (IReadOnlyList<string>)Strings(rank, $"{path}.ranking[{index}]")).ToList()
            : null;
        var approved = ballot.TryGetProperty("approved", out var approval) ? Strings(approval, $"{path}.approved") : null;
        var allocations = ballot.TryGetProperty("allocations", out var amounts)
            ? Array(amounts, $"{path}.allocations").Select((allocation, index) => new Allocation(
                Text(Property(allocation, "item", $"{path}.allocations[{index}]"), $"{path}.allocations[{index}].item"),
                Integer(Property(allocation, "amount", $"{path}.allocations[{index}]"), $"{path}.allocations[{index}].amount"))).ToList()
            : null;
        return new Ballot(Text(Property(ballot, "memberId", path), $"{path}.memberId"), choice, ranking, approved, allocations);
    }

    private static void RequireUniqueNames(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in value.EnumerateObject())
            {
                if (!names.Add(member.Name))
                {
                    throw new UnreadableRecordException($"{path}: '{member.Name}' is given twice.");
                }

                RequireUniqueNames(member.Value, $"{path}.{member.Name}");
            }
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                RequireUniqueNames(item, $"{path}[{index++}]");
            }
        }
    }

    private static JsonElement Property(JsonElement owner, string name, string path) =>
        Object(owner, path).TryGetProperty(name, out var value) ? value : throw new UnreadableRecordException($"{path}: '{name}' is missing.");

    private static JsonElement Object(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Object ? value : throw Wrong(path, "an object", value);

    private static List<JsonElement> Array(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : throw Wrong(path, "an array", value);

    private static List<string> Strings(JsonElement value, string path) =>
        [.. Array(value, path).Select((item, index) => Text(item, $"{path}[{index}]"))];

    private static string Text(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(path, "a string", value);

    private static string? OptionalText(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Null ? null : Text(value, path);

    private static double Number(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Wrong(path, "a number", value);

    private static long Integer(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer) ? integer : throw Wrong(path, "an integer", value);

    private static UnreadableRecordException Wrong(string path, string expected, JsonElement found) =>
        new($"{path}: expected {expected}, found {found.ValueKind.ToString().ToLowerInvariant()}.");
}
