using System.Collections.Concurrent;
using Governance.TestServices;
using Microsoft.Extensions.Configuration;

namespace Governance.Deploy.Tests.Manifests;

/// <summary>The documents one variant of deploy/k8s applies, built once as kustomize would.</summary>
internal sealed class ClusterManifests
{
    public const string SiloImage = "governance-silo";
    public const string ApiImage = "governance-api";

    private static readonly ConcurrentDictionary<string, ClusterManifests> Built = new();

    private ClusterManifests(string variant, IReadOnlyList<ManifestDocument> all)
    {
        Variant = variant;
        All = all;
        ConfigSources = [.. all.Where(document => document.Kind is "ConfigMap" or "Secret").Select(document => new ConfigSource(document))];
    }

    public static string Folder { get; } = RepositoryRoot.Combine("deploy", "k8s");

    /// <summary>The variant's name, as <see cref="ClusterVariants"/> gives it.</summary>
    public string Variant { get; }

    public IReadOnlyList<ManifestDocument> All { get; }

    public IReadOnlyList<ConfigSource> ConfigSources { get; }

    public IEnumerable<PodContainer> Containers =>
        OfKind("Deployment").SelectMany(workload => workload.Root.ItemsAt("spec", "template", "spec", "containers").Select(node => new PodContainer(workload, node)));

    /// <summary>The containers built from this repository's images, as opposed to third-party ones such as Redis.</summary>
    public IEnumerable<PodContainer> GovernanceContainers => Containers.Where(container => container.Image is SiloImage or ApiImage);

    public static ClusterManifests Of(string variant) =>
        Built.GetOrAdd(variant, name => new ClusterManifests(name, KustomizeBuild.Run(Folder, ClusterVariants.AddedComponents(name))));

    public IEnumerable<ManifestDocument> OfKind(string kind) => All.Where(document => document.Kind == kind);

    public PodContainer ContainerOf(string image)
    {
        var matches = Containers.Where(container => container.Image == image).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one container with image {image} in {Variant}, found {matches.Count}.");
        return matches[0];
    }

    public IReadOnlyDictionary<string, Setting> SettingsOf(PodContainer container) => container.Settings(ConfigSources);

    /// <summary>The configuration the container's process reads from its environment, "A__B" being the key "A:B".</summary>
    public IConfiguration ConfigurationOf(PodContainer container) => ConfigurationOf(SettingsOf(container).Values);

    public static IConfiguration ConfigurationOf(IEnumerable<Setting> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings
                .Where(setting => setting.Value is not null)
                .Select(setting => KeyValuePair.Create(setting.Name.Replace("__", ":", StringComparison.Ordinal), setting.Value)))
            .Build();
}
