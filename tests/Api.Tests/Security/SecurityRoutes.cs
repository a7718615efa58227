namespace Governance.Api.Tests.Security;

/// <summary>The paths of the administrative routes that <see cref="Routes"/> does not name yet.</summary>
public static class SecurityRoutes
{
    public static string Settings(string cooperativeId) => $"{Routes.Cooperative(cooperativeId)}/settings";

    public static string Role(string cooperativeId, string memberId) => $"{Routes.Member(cooperativeId, memberId)}/role";

    public static string Keys(string cooperativeId) => $"{Routes.Cooperative(cooperativeId)}/keys";

    public static string Key(string cooperativeId, string keyId) => $"{Keys(cooperativeId)}/{keyId}";
}
