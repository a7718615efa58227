using Governance.Deploy.Tests.Manifests;

namespace Governance.Deploy.Tests;

/// <summary>The tests' kustomize build refuses what it does not implement, rather than render it otherwise than kustomize.</summary>
public sealed class KustomizeBuildTests : IDisposable
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  Key: value\n";
    private const string PatchedConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("kustomize-build-").FullName;

    /// <summary>A feature, the kustomization and patch that use it, and the words that say so in the refusal.</summary>
    public static TheoryData<string, string, string> Unimplemented => new()
    {
        { "field 'namePrefix'", "namePrefix: test-\n", PatchedConfigMap },
        { "patch with path, target", "patches:\n  - path: patch.yaml\n    target:\n      kind: ConfigMap\n", PatchedConfigMap },
        { "patch with patch", "patches:\n  - patch: |-\n      kind: ConfigMap\n", PatchedConfigMap },
        { "Key is null", "patches:\n  - path: patch.yaml\n", PatchedConfigMap + "data:\n  Key: null\n" },
        { "Keys is a list", "patches:\n  - path: patch.yaml\n", PatchedConfigMap + "data:\n  Keys:\n    - one\n" },
        { "JSON 6902", "patches:\n  - path: patch.yaml\n", "- op: replace\n  path: /data/Key\n  value: other\n" },
    };

    [Theory]
    [MemberData(nameof(Unimplemented))]
    public void A_kustomize_feature_it_does_not_implement_fails_the_build(string refusal, string kustomization, string patch)
    {
        Write(kustomization, patch);

        var exception = Assert.Throws<NotSupportedException>(() => KustomizeBuild.Run(_folder));
        Assert.Contains(refusal, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_of_a_resource_that_is_not_there_fails_the_build()
    {
        Write("patches:\n  - path: patch.yaml\n", PatchedConfigMap.Replace("name: settings", "name: other", StringComparison.Ordinal));

        Assert.Throws<InvalidOperationException>(() => KustomizeBuild.Run(_folder));
    }

    [Fact]
    public void A_patch_replaces_the_keys_it_names_and_keeps_the_others()
    {
        Write("patches:\n  - path: patch.yaml\n", PatchedConfigMap + "data:\n  Key: changed\n  Added: new\n");
        File.AppendAllText(Path.Combine(_folder, "configmap.yaml"), "  Other: kept\n");

        var data = KustomizeBuild.Run(_folder).Single().Root.MappingAt("data").Entries();

        Assert.Equal(new Dictionary<string, string> { ["Key"] = "changed", ["Other"] = "kept", ["Added"] = "new" }, data);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string kustomization, string patch)
    {
        File.WriteAllText(Path.Combine(_folder, "configmap.yaml"), ConfigMap);
        File.WriteAllText(Path.Combine(_folder, "patch.yaml"), patch);
        File.WriteAllText(Path.Combine(_folder, KustomizeBuild.FileName), "kind: Kustomization\nresources:\n  - configmap.yaml\n" + kustomization);
    }
}
