namespace Governance.Deploy.Tests.Manifests;

/// <summary>An environment variable a container gets; <see cref="Value"/> is null when it comes from a Secret key reference or the downward API.</summary>
internal sealed record Setting(string Name, string? Value, string Origin);
