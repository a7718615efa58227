using Governance.Api.Security;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Bearer tokens as the API under test accepts them: HS256, signed with the key the test factory configures.</summary>
public static class Tokens
{
    /// <summary>A fixed 32-byte key: tests sign with it, and <see cref="ApiFactory"/> configures the API with it.</summary>
    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, 32).Select(value => (byte)value)];

    public static string SigningKeyBase64 => Convert.ToBase64String(SigningKey);

    public static JwtOptions Options { get; } = new() { SigningKey = SigningKeyBase64 };

    public static string For(string memberId) => TokenCommand.Issue(Options, SigningKey, memberId, TimeSpan.FromHours(1), DateTime.UtcNow);
}
