using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Security;

/// <summary>Bearer tokens built claim by claim, good and bad, to test what the API accepts.</summary>
public static class TestTokens
{
    /// <summary>A token the API accepts for <paramref name="subject"/>, after <paramref name="change"/> has had its way with it.</summary>
    public static string Signed(string subject, Action<SecurityTokenDescriptor>? change = null, byte[]? key = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "governance",
            Audience = "governance",
            Claims = new Dictionary<string, object> { ["sub"] = subject },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Tokens.SigningKey), SecurityAlgorithms.HmacSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A token assembled by hand: this header and payload, signed with HMAC-SHA512 under the test key, or with no signature at all.</summary>
    public static string Handmade(object header, object payload, bool signWithHs512)
    {
        var unsigned = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        var signature = signWithHs512 ? Base64Url(HMACSHA512.HashData(Tokens.SigningKey, Encoding.ASCII.GetBytes(unsigned))) : "";
        return $"{unsigned}.{signature}";
    }

    /// <summary>The claims a valid token carries, for hand-made tokens.</summary>
    public static Dictionary<string, object> ValidPayload(string subject)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new() { ["sub"] = subject, ["iss"] = "governance", ["aud"] = "governance", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600 };
    }

    /// <summary>The same token with its payload swapped for another, keeping the original header and signature.</summary>
    public static string WithPayload(string token, object payload)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";
    }

    public static string Base64Url(byte[] bytes) => Base64UrlEncoder.Encode(bytes);
}
