using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Verify.Canonical;

namespace Governance.Verify.Checks;

/// <summary>
/// Compares a computed JSON value with the record's, leaf by leaf, so that a mismatch names the exact field. Numbers
/// compare as the doubles they denote, through their canonical form.
/// </summary>
public static class Comparison
{
    private const string Missing = "(missing)";

    /// <summary>Every field of <paramref name="expected"/> against <paramref name="found"/>; each top-level field is a group of its own.</summary>
    public static IEnumerable<Check> Fields(string path, JsonObject expected, JsonElement found)
    {
        var checks = new List<Check>();
        foreach (var (name, value) in expected)
        {
            var fieldPath = $"{path}.{name}";
            Compare(fieldPath, fieldPath, value, found.TryGetProperty(name, out var field) ? field : null, checks);
        }

        NotChecked(path, path, expected, found, checks);
        return checks;
    }

    private static void Compare(string group, string path, JsonNode? expected, JsonElement? found, List<Check> checks)
    {
        if (expected is JsonObject members && found is { ValueKind: JsonValueKind.Object } foundObject)
        {
            foreach (var (name, member) in members)
            {
                Compare(group, $"{path}.{name}", member, foundObject.TryGetProperty(name, out var field) ? field : null, checks);
            }

            NotChecked(group, path, members, foundObject, checks);
            return;
        }

        if (expected is JsonArray items && found is { ValueKind: JsonValueKind.Array } foundArray)
        {
            var foundItems = foundArray.EnumerateArray().ToList();
            if (foundItems.Count != items.Count)
            {
                checks.Add(new Check(group, $"{path} (items)", Outcome.Mismatched, items.Count.ToString(), foundItems.Count.ToString()));
            }

            for (var index = 0; index < Math.Min(items.Count, foundItems.Count); index++)
            {
                Compare(group, $"{path}[{index}]", items[index], foundItems[index], checks);
            }

            return;
        }

        var expectedText = CanonicalJson.Of(JsonSerializer.SerializeToElement(expected));
        var foundText = found is { } value ? CanonicalJson.Of(value) : Missing;
        checks.Add(new Check(group, path, expectedText == foundText ? Outcome.Matched : Outcome.Mismatched, expectedText, foundText));
    }

    private static void NotChecked(string group, string path, JsonObject expected, JsonElement found, List<Check> checks)
    {
        if (found.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var extra in found.EnumerateObject().Where(member => !expected.ContainsKey(member.Name)))
        {
            checks.Add(new Check(group, $"{path}.{extra.Name}", Outcome.NotChecked, "", CanonicalJson.Of(extra.Value)));
        }
    }
}
