using System.Net.Http.Headers;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>What a request carries to say who sends it: a member's bearer token, an app key, a raw token, or nothing.</summary>
public sealed record Credentials(string? BearerToken, string? AppKey)
{
    public static Credentials None { get; } = new(null, null);

    public static Credentials Member(string memberId) => new(Tokens.For(memberId), null);

    public static Credentials Token(string token) => new(token, null);

    public static Credentials Key(string appKey) => new(null, appKey);

    public void ApplyTo(HttpRequestMessage request)
    {
        if (BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        if (AppKey is not null)
        {
            request.Headers.Add("X-Api-Key", AppKey);
        }
    }
}
