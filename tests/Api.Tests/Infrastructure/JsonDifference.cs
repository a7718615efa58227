using System.Text.Json.Nodes;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Where two JSON documents first differ, as a JSON pointer with both values, for a failure message a reader can act on.</summary>
public static class JsonDifference
{
    public static string? First(JsonNode? expected, JsonNode? actual, string pointer = "")
    {
        switch (expected, actual)
        {
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(pair => pair.Key).Union(right.Select(pair => pair.Key)))
                {
                    var at = $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                    if (!left.ContainsKey(name) || !right.ContainsKey(name))
                    {
                        return $"{at} ({(left.ContainsKey(name) ? "only expected" : "only actual")})";
                    }

                    if (First(left[name], right[name], at) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonArray left, JsonArray right):
                for (var index = 0; index < Math.Max(left.Count, right.Count); index++)
                {
                    var at = $"{pointer}/{index}";
                    if (index >= left.Count || index >= right.Count)
                    {
                        return $"{at} ({(index < left.Count ? "only expected" : "only actual")})";
                    }

                    if (First(left[index], right[index], at) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(expected, actual)
                    ? null
                    : $"{(pointer.Length == 0 ? "/" : pointer)} (expected {expected?.ToJsonString() ?? "null"}, actual {actual?.ToJsonString() ?? "null"})";
        }
    }
}
