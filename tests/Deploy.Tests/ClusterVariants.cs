using Governance.Deploy.Tests.Manifests;

namespace Governance.Deploy.Tests;

/// <summary>The ways an operator applies deploy/k8s: as it is, and with the one line that adds Redis membership.</summary>
public static class ClusterVariants
{
    public const string AzureStorage = "deploy/k8s";
    public const string RedisMembership = "deploy/k8s with components/redis-membership";

    /// <summary>The component folder, relative to deploy/k8s, as the kustomization's "components:" line names it.</summary>
    public const string RedisComponent = "components/redis-membership";

    public static TheoryData<string> All => new() { AzureStorage, RedisMembership };

    internal static string[] AddedComponents(string variant) => variant switch
    {
        AzureStorage => [],
        RedisMembership => [RedisComponent],
        _ => throw new ArgumentException($"No variant {variant}.", nameof(variant)),
    };
}
