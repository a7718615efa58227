using YamlDotNet.RepresentationModel;

namespace Governance.Deploy.Tests.Manifests;

/// <summary>A container of a Deployment's pod template.</summary>
internal sealed record PodContainer(ManifestDocument Workload, YamlMappingNode Node)
{
    public string Name => Node.ScalarAt("name") ?? "";

    public string Image => Node.ScalarAt("image") ?? "";

    public YamlMappingNode PodSpec => Workload.Root.MappingAt("spec", "template", "spec") ?? new YamlMappingNode();

    public IReadOnlyDictionary<string, string> PodLabels => Workload.Root.MappingAt("spec", "template", "metadata", "labels").Entries();

    public IReadOnlyDictionary<string, string> PodAnnotations => Workload.Root.MappingAt("spec", "template", "metadata", "annotations").Entries();

    /// <summary>The declared container ports by name (unnamed ones under their number).</summary>
    public IReadOnlyDictionary<string, int> Ports =>
        Node.ItemsAt("ports").ToDictionary(
            port => port.ScalarAt("name") ?? port.ScalarAt("containerPort") ?? "",
            port => int.Parse(port.ScalarAt("containerPort") ?? "0", global::System.Globalization.CultureInfo.InvariantCulture));

    public IEnumerable<YamlMappingNode> Env => Node.ItemsAt("env");

    public IEnumerable<YamlMappingNode> EnvFrom => Node.ItemsAt("envFrom");

    /// <summary>Where a finding is: file, Deployment and container.</summary>
    public string Where => $"{Workload}, container {Name}";

    /// <summary>Whether a probe's or annotation's port (a number or a port name) is one this container declares.</summary>
    public bool Declares(string port) =>
        Ports.ContainsKey(port) || Ports.Values.Any(number => number.ToString(global::System.Globalization.CultureInfo.InvariantCulture) == port);

    /// <summary>
    /// The variables the container starts with: its envFrom sources in order, then env, which wins. A key reference
    /// takes the value of that key.
    /// </summary>
    public IReadOnlyDictionary<string, Setting> Settings(IEnumerable<ConfigSource> sources)
    {
        var byKind = sources.ToLookup(source => (source.Document.Kind, source.Name));
        var settings = new Dictionary<string, Setting>();
        foreach (var reference in EnvFrom)
        {
            var prefix = reference.ScalarAt("prefix") ?? "";
            var (kind, name) = reference.ScalarAt("configMapRef", "name") is { } configMap ? ("ConfigMap", configMap) : ("Secret", reference.ScalarAt("secretRef", "name") ?? "");
            foreach (var source in byKind[(kind, name)])
            {
                foreach (var (key, value) in source.Entries)
                {
                    settings[prefix + key] = new Setting(prefix + key, value, $"{source.Document}, key {key}");
                }
            }
        }

        foreach (var variable in Env)
        {
            var name = variable.ScalarAt("name") ?? "";
            settings[name] = Referenced(name, variable, byKind) ?? new Setting(name, variable.ScalarAt("value"), $"{Where}, env {name}");
        }

        return settings;
    }

    /// <summary>A variable taken from a key of a ConfigMap or Secret; null for a literal or downward-API one.</summary>
    private Setting? Referenced(string name, YamlMappingNode variable, ILookup<(string Kind, string Name), ConfigSource> byKind)
    {
        foreach (var (kind, field) in new[] { ("ConfigMap", "configMapKeyRef"), ("Secret", "secretKeyRef") })
        {
            if (variable.MappingAt("valueFrom", field) is { } keyRef)
            {
                var key = keyRef.ScalarAt("key") ?? "";
                var source = byKind[(kind, keyRef.ScalarAt("name") ?? "")].FirstOrDefault(candidate => candidate.Entries.ContainsKey(key));
                return source is null
                    ? new Setting(name, null, $"{Where}, env {name}")
                    : new Setting(name, source.Entries[key], $"{source.Document}, key {key}");
            }
        }

        return null;
    }
}
