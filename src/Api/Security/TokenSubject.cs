using System.Text.Json;
using Governance.Domain.Identifiers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

/// <summary>
/// The member a validated token stands for: its subject claim, given once as one valid id. A token that names any
/// header parameter or claim twice stands for nobody. RFC 7519 (section 4) lets a reader refuse such a token, and
/// readers disagree on which value counts, so the subject an identity provider checked could differ from the one
/// read here. The token library keeps one of two values without saying so.
/// </summary>
public static class TokenSubject
{
    private static readonly JsonDocumentOptions UniqueNames = new() { AllowDuplicateProperties = false };

    /// <summary>The member id, or null when the token does not name exactly one valid member.</summary>
    public static string? Of(JsonWebToken token, string subjectClaim)
    {
        try
        {
            using var header = Parse(token.EncodedHeader);
            using var payload = Parse(token.EncodedPayload);
            return payload.RootElement.TryGetProperty(subjectClaim, out var subject)
                && subject.ValueKind == JsonValueKind.String
                && ResourceId.IsValid(subject.GetString())
                    ? subject.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument Parse(string segment) => JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(segment), UniqueNames);
}
