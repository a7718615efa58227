namespace Governance.Grains.Storage.GrainState;

/// <summary>The names grains give <c>[PersistentState]</c> to choose a grain storage provider.</summary>
public static class GrainStorageNames
{
    /// <summary>The provider for small state a grain rewrites whole, such as a webhook endpoint's settings or its delivery cursor.</summary>
    public const string Governance = "governance";
}
