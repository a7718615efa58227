using Governance.Deploy.Tests.Manifests;
using Governance.TestServices;

namespace Governance.Deploy.Tests;

/// <summary>kubectl apply -k deploy/k8s applies every manifest, with or without a component, and the images can be pointed at a registry.</summary>
public sealed class KustomizationTests
{
    private const string BaseFile = "deploy/k8s/" + KustomizeBuild.FileName;

    /// <summary>deploy/k8s and every component folder under it.</summary>
    private static IEnumerable<string> KustomizationFolders =>
        Directory.GetFiles(ClusterManifests.Folder, KustomizeBuild.FileName, SearchOption.AllDirectories).Select(file => Path.GetDirectoryName(file)!);

    [Fact]
    public void Every_file_and_folder_a_kustomization_lists_exists()
    {
        var problems = new List<string>();
        foreach (var folder in KustomizationFolders)
        {
            var kustomization = KustomizeBuild.Read(folder);
            foreach (var field in new[] { "resources", "components", "patches" })
            {
                problems.AddRange(KustomizeBuild.PathsAt(kustomization, field, folder)
                    .Where(path => !File.Exists(path) && !Directory.Exists(path))
                    .Select(path => $"{Relative(folder)}/{KustomizeBuild.FileName}: {field} lists {Relative(path)}, which does not exist"));
            }
        }

        Findings.AssertNone(problems);
    }

    [Fact]
    public void Every_manifest_under_deploy_k8s_is_listed_by_the_kustomization_beside_it()
    {
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(ClusterManifests.Folder, "*.y*ml", SearchOption.AllDirectories).Where(file => Path.GetFileName(file) != KustomizeBuild.FileName))
        {
            var folder = Path.GetDirectoryName(file)!;
            if (!File.Exists(Path.Combine(folder, KustomizeBuild.FileName)))
            {
                problems.Add($"{Relative(file)}: its folder has no {KustomizeBuild.FileName}, so kubectl apply -k never reads it");
                continue;
            }

            var kustomization = KustomizeBuild.Read(folder);
            if (!KustomizeBuild.PathsAt(kustomization, "resources", folder).Concat(KustomizeBuild.PathsAt(kustomization, "patches", folder)).Contains(file))
            {
                problems.Add($"{Relative(file)}: the {KustomizeBuild.FileName} beside it lists it in neither resources nor patches, so kubectl apply -k leaves it out");
            }
        }

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Every_governance_image_can_be_set_through_the_kustomization(string variant)
    {
        var settable = KustomizeBuild.Read(ClusterManifests.Folder).ItemsAt("images").Select(image => image.ScalarAt("name")).ToHashSet();

        Findings.AssertNone(ClusterManifests.Of(variant).GovernanceContainers
            .Where(container => !settable.Contains(container.Image))
            .Select(container => $"{BaseFile}: images has no entry named {container.Image}, the image of {container.Where}"));
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Path, path);
}
