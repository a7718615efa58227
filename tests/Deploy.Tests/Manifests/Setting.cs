namespace Governance.Deploy.Tests.Manifests;

/// <summary>An environment variable a container gets; <see cref="Value"/> is null when it comes from the downward API or from a key no ConfigMap or Secret holds.</summary>
internal sealed record Setting(string Name, string? Value, string Origin);
