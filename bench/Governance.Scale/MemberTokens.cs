using System.Collections.Concurrent;
using Governance.Api.Security;

namespace Governance.Scale;

/// <summary>Bearer tokens signed with the node's key, one per member, issued when first needed: every call is made by the member it acts for.</summary>
public sealed class MemberTokens(byte[] signingKey)
{
    private readonly ConcurrentDictionary<string, string> _issued = new(StringComparer.Ordinal);
    private readonly JwtOptions _jwt = new();
    private readonly DateTime _now = DateTime.UtcNow;

    public string For(string memberId) =>
        _issued.GetOrAdd(memberId, id => TokenCommand.Issue(_jwt, signingKey, id, TimeSpan.FromHours(6), _now));
}
