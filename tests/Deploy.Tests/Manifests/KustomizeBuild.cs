using Governance.TestServices;
using YamlDotNet.RepresentationModel;

namespace Governance.Deploy.Tests.Manifests;

/// <summary>
/// What kubectl apply -k yields, for the part of kustomize these manifests use: resources (files, or folders with a
/// kustomization of their own), components (their resources added, then their patches applied to everything gathered
/// so far) and strategic merge patches of mappings, matched by kind and name. Anything else throws
/// <see cref="NotSupportedException"/> instead of being skipped, so a check never passes on manifests kustomize would
/// render differently. Images are left as the manifests name them, which is how the tests find the containers;
/// KustomizationTests checks that each one can be set.
/// </summary>
internal static class KustomizeBuild
{
    public const string FileName = "kustomization.yaml";

    private static readonly HashSet<string> KnownFields = ["apiVersion", "kind", "resources", "components", "patches", "images"];

    /// <summary>
    /// The documents the kustomization in <paramref name="folder"/> yields; <paramref name="addedComponents"/> are
    /// appended to its components, as adding them to its "components:" line would.
    /// </summary>
    public static IReadOnlyList<ManifestDocument> Run(string folder, params string[] addedComponents)
    {
        var documents = new List<ManifestDocument>();
        Accumulate(folder, "Kustomization", addedComponents, documents);
        return documents;
    }

    /// <summary>The kustomization file of a folder (a Kustomization or a Component), checked to use only known fields.</summary>
    public static YamlMappingNode Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        var root = Load(file).Single().Root;
        foreach (var field in root.Children.Keys.Select(key => ((YamlScalarNode)key).Value ?? ""))
        {
            if (!KnownFields.Contains(field))
            {
                throw new NotSupportedException($"{Relative(file)}: the kustomize field '{field}' is not implemented by the tests' build.");
            }
        }

        return root;
    }

    /// <summary>The entries of a list field, as files or folders relative to <paramref name="folder"/>.</summary>
    public static IEnumerable<string> PathsAt(YamlMappingNode kustomization, string field, string folder) =>
        Items(kustomization, field, folder).Select(item => item switch
        {
            YamlScalarNode { Value: { } path } => Path.GetFullPath(Path.Combine(folder, path)),
            YamlMappingNode patch when field == "patches" => PatchPath(patch, folder),
            _ => throw new NotSupportedException($"{Relative(folder)}: an entry of '{field}' is not a path: {item}"),
        });

    private static void Accumulate(string folder, string kind, IEnumerable<string> addedComponents, List<ManifestDocument> documents)
    {
        var kustomization = Read(folder);
        if ((kustomization.ScalarAt("kind") ?? "Kustomization") is var declared && declared != kind)
        {
            throw new InvalidOperationException($"{Relative(Path.Combine(folder, FileName))} is a {declared} where kustomize expects a {kind}.");
        }

        foreach (var resource in PathsAt(kustomization, "resources", folder))
        {
            if (Directory.Exists(resource))
            {
                var nested = new List<ManifestDocument>();
                Accumulate(resource, "Kustomization", [], nested);
                Add(nested, documents);
            }
            else
            {
                Add(Load(resource), documents);
            }
        }

        foreach (var component in PathsAt(kustomization, "components", folder).Concat(addedComponents.Select(path => Path.GetFullPath(Path.Combine(folder, path)))))
        {
            Accumulate(component, "Component", [], documents);
        }

        foreach (var patchFile in PathsAt(kustomization, "patches", folder))
        {
            foreach (var patch in Load(patchFile))
            {
                var targets = documents.Select((document, index) => (document, index)).Where(target => SameResource(target.document, patch)).ToList();
                if (targets.Count != 1)
                {
                    throw new InvalidOperationException($"{Relative(patchFile)} patches {patch.Kind} {patch.Name}, which {targets.Count} resources are.");
                }

                var (target, index) = targets[0];
                Merge(target.Root, patch.Root, patchFile);
                documents[index] = target with { File = $"{target.File} patched by {patch.File}" };
            }
        }
    }

    private static IEnumerable<YamlNode> Items(YamlMappingNode kustomization, string field, string folder) =>
        kustomization.Find(field) switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children,
            _ => throw new NotSupportedException($"{Relative(folder)}: '{field}' is not a list."),
        };

    private static string PatchPath(YamlMappingNode patch, string folder)
    {
        var fields = patch.Children.Keys.Select(key => ((YamlScalarNode)key).Value).ToList();
        return fields is ["path"] && patch.ScalarAt("path") is { } path
            ? Path.GetFullPath(Path.Combine(folder, path))
            : throw new NotSupportedException($"{Relative(folder)}: a patch with {string.Join(", ", fields)} is not implemented; only a strategic merge patch file given by 'path'.");
    }

    private static void Add(IEnumerable<ManifestDocument> added, List<ManifestDocument> documents)
    {
        foreach (var document in added)
        {
            if (documents.FirstOrDefault(existing => SameResource(existing, document)) is { } existing)
            {
                throw new InvalidOperationException($"{document} is already defined by {existing}; kustomize refuses a resource twice.");
            }

            documents.Add(document);
        }
    }

    private static bool SameResource(ManifestDocument one, ManifestDocument other) =>
        one.Kind == other.Kind && one.Name == other.Name && one.Root.ScalarAt("metadata", "namespace") == other.Root.ScalarAt("metadata", "namespace");

    /// <summary>A strategic merge of mappings: the patch's scalars replace the target's, its mappings merge into the target's.</summary>
    private static void Merge(YamlMappingNode target, YamlMappingNode patch, string patchFile)
    {
        foreach (var (key, value) in patch.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            switch (value)
            {
                case YamlScalarNode when name.StartsWith('$'):
                    throw new NotSupportedException($"{Relative(patchFile)}: the directive {name} is not implemented.");
                case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" }:
                    throw new NotSupportedException($"{Relative(patchFile)}: {name} is null, which deletes the key in kustomize; deletion is not implemented.");
                case YamlScalarNode:
                    target.Children[key] = value;
                    break;
                case YamlMappingNode mapping when target.Find(name) is YamlMappingNode existing:
                    Merge(existing, mapping, patchFile);
                    break;
                case YamlMappingNode mapping:
                    target.Children[key] = new YamlMappingNode();
                    Merge((YamlMappingNode)target.Children[key], mapping, patchFile);
                    break;
                default:
                    throw new NotSupportedException($"{Relative(patchFile)}: {name} is a list, and merging lists (by their merge keys) is not implemented.");
            }
        }
    }

    private static List<ManifestDocument> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Relative(path)} does not exist.");
        }

        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(document => new ManifestDocument(
            Relative(path),
            document.RootNode as YamlMappingNode ?? throw new NotSupportedException($"{Relative(path)}: a document is not a mapping (a JSON 6902 patch is not implemented).")))];
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Path, path);
}
