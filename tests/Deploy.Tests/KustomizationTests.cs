using Governance.Deploy.Tests.Manifests;

namespace Governance.Deploy.Tests;

/// <summary>kubectl apply -k deploy/k8s applies every manifest, and the images can be pointed at a registry.</summary>
public sealed class KustomizationTests
{
    private const string FileName = "kustomization.yaml";

    private static ManifestDocument Kustomization => ClusterManifests.OfKind("Kustomization").Single(document => document.File == FileName);

    [Fact]
    public void Every_resource_the_kustomization_lists_exists()
    {
        Findings.AssertNone(Kustomization.Root.ScalarsAt("resources")
            .Where(resource => !File.Exists(Path.Combine(ClusterManifests.Folder, resource)))
            .Select(resource => $"{FileName}: resources lists {resource}, which is not in deploy/k8s"));
    }

    [Fact]
    public void Every_manifest_in_the_folder_is_listed_in_the_kustomization()
    {
        var listed = Kustomization.Root.ScalarsAt("resources").ToHashSet();

        Findings.AssertNone(Directory.GetFiles(ClusterManifests.Folder, "*.y*ml")
            .Select(Path.GetFileName)
            .Where(file => file != FileName && !listed.Contains(file!))
            .Select(file => $"{FileName}: resources does not list {file}, so kubectl apply -k leaves it out"));
    }

    [Fact]
    public void Every_governance_image_can_be_set_through_the_kustomization()
    {
        var settable = Kustomization.Root.ItemsAt("images").Select(image => image.ScalarAt("name")).ToHashSet();

        Findings.AssertNone(ClusterManifests.GovernanceContainers
            .Where(container => !settable.Contains(container.Image))
            .Select(container => $"{FileName}: images has no entry named {container.Image}, the image of {container.Where}"));
    }
}
