using System.Text;

namespace Governance.Deploy.Tests.Manifests;

/// <summary>A ConfigMap or Secret whose keys pods take as environment variables.</summary>
internal sealed record ConfigSource(ManifestDocument Document)
{
    public string Name => Document.Name;

    /// <summary>Every key with its value; a Secret's base64 "data" is decoded, its "stringData" taken as written.</summary>
    public IReadOnlyDictionary<string, string> Entries
    {
        get
        {
            var entries = new Dictionary<string, string>();
            var base64 = Document.Kind == "Secret";
            foreach (var (key, value) in Document.Root.MappingAt("data").Entries())
            {
                entries[key] = base64 ? Encoding.UTF8.GetString(Convert.FromBase64String(value)) : value;
            }

            foreach (var (key, value) in Document.Root.MappingAt("stringData").Entries())
            {
                entries[key] = value;
            }

            return entries;
        }
    }
}
