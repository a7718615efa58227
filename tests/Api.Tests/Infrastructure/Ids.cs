namespace Governance.Api.Tests.Infrastructure;

/// <summary>Ids no other test uses, so that tests sharing one silo never see each other's cooperatives.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];
}
