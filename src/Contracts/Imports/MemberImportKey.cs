namespace Governance.Contracts.Imports;

/// <summary>Import grains are keyed "{cooperativeId}/{importId}"; ids never contain '/'.</summary>
public static class MemberImportKey
{
    public static string Of(string cooperativeId, string importId) => $"{cooperativeId}/{importId}";
}
