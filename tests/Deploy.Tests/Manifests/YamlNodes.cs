using YamlDotNet.RepresentationModel;

namespace Governance.Deploy.Tests.Manifests;

/// <summary>Lookups in a parsed manifest that yield null, not an exception, when a key is missing.</summary>
internal static class YamlNodes
{
    public static YamlNode? Find(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static YamlMappingNode? MappingAt(this YamlMappingNode node, params string[] path)
    {
        YamlMappingNode? current = node;
        foreach (var key in path)
        {
            current = current?.Find(key) as YamlMappingNode;
        }

        return current;
    }

    public static string? ScalarAt(this YamlMappingNode node, params string[] path) =>
        (node.MappingAt(path[..^1])?.Find(path[^1]) as YamlScalarNode)?.Value;

    public static IEnumerable<YamlMappingNode> ItemsAt(this YamlMappingNode node, params string[] path) =>
        (node.MappingAt(path[..^1])?.Find(path[^1]) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];

    public static IEnumerable<string> ScalarsAt(this YamlMappingNode node, params string[] path) =>
        (node.MappingAt(path[..^1])?.Find(path[^1]) as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(item => item.Value ?? "") ?? [];

    /// <summary>The scalar entries of a mapping, such as labels or a ConfigMap's data.</summary>
    public static IReadOnlyDictionary<string, string> Entries(this YamlMappingNode? node) =>
        node?.Children
            .Where(child => child.Value is YamlScalarNode)
            .ToDictionary(child => ((YamlScalarNode)child.Key).Value ?? "", child => ((YamlScalarNode)child.Value).Value ?? "")
        ?? new Dictionary<string, string>();
}
