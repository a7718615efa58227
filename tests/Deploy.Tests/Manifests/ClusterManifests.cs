using Governance.TestServices;
using YamlDotNet.RepresentationModel;

namespace Governance.Deploy.Tests.Manifests;

/// <summary>Every YAML document in deploy/k8s, parsed once.</summary>
internal static class ClusterManifests
{
    public const string SiloImage = "governance-silo";
    public const string ApiImage = "governance-api";

    public static string Folder { get; } = RepositoryRoot.Combine("deploy", "k8s");

    public static IReadOnlyList<ManifestDocument> All { get; } = Load();

    public static IEnumerable<ManifestDocument> OfKind(string kind) => All.Where(document => document.Kind == kind);

    public static IReadOnlyList<ConfigSource> ConfigSources { get; } =
        [.. All.Where(document => document.Kind is "ConfigMap" or "Secret").Select(document => new ConfigSource(document))];

    public static IEnumerable<PodContainer> Containers =>
        OfKind("Deployment").SelectMany(workload => workload.Root.ItemsAt("spec", "template", "spec", "containers").Select(node => new PodContainer(workload, node)));

    /// <summary>The containers built from this repository's images, as opposed to third-party ones such as Redis.</summary>
    public static IEnumerable<PodContainer> GovernanceContainers => Containers.Where(container => container.Image is SiloImage or ApiImage);

    public static PodContainer ContainerOf(string image)
    {
        var matches = Containers.Where(container => container.Image == image).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one container with image {image} in {Folder}, found {matches.Count}.");
        return matches[0];
    }

    public static IReadOnlyDictionary<string, Setting> SettingsOf(PodContainer container) => container.Settings(ConfigSources);

    private static List<ManifestDocument> Load()
    {
        var documents = new List<ManifestDocument>();
        foreach (var path in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(path))
            {
                stream.Load(reader);
            }

            var file = Path.GetFileName(path);
            foreach (var document in stream.Documents)
            {
                var root = document.RootNode as YamlMappingNode
                    ?? throw new InvalidOperationException($"{file}: a document is not a mapping.");
                documents.Add(new ManifestDocument(file, root));
            }
        }

        return documents;
    }
}
