using YamlDotNet.RepresentationModel;

namespace Governance.Deploy.Tests.Manifests;

/// <summary>One YAML document of a file in deploy/k8s, as a kustomize build left it; <see cref="File"/> names the patches it took.</summary>
internal sealed record ManifestDocument(string File, YamlMappingNode Root)
{
    public string Kind => Root.ScalarAt("kind") ?? "";

    public string Name => Root.ScalarAt("metadata", "name") ?? "";

    public override string ToString() => $"{File} ({Kind} {Name})";
}
