using Governance.Domain.Rules;

namespace Governance.Domain.Identifiers;

/// <summary>
/// Client-chosen ids: 1–64 letters, digits, '-', '_' or '.', but not only dots; a deployment may lower the length
/// limit. Every id may stand as a path segment, and servers and clients remove the segments "." and ".." from paths
/// (RFC 3986, section 5.2.4), so an id of only dots could be created but never addressed again.
/// </summary>
public static class ResourceId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id, int maxLength = MaxLength) =>
        !string.IsNullOrEmpty(id) && id.Length <= maxLength && id.All(IsAllowed) && !id.All(c => c == '.');

    public static string Require(string? id, string field, int maxLength = MaxLength)
    {
        if (!IsValid(id, maxLength))
        {
            throw RuleViolationException.Invalid("invalid-id", $"'{field}' must be {Rule(maxLength)}.", field);
        }

        return id!;
    }

    /// <summary>The rule in words, for messages: "1-64 characters of letters, ...".</summary>
    public static string Rule(int maxLength = MaxLength) =>
        $"1-{maxLength} characters of letters, digits, '-', '_' or '.', and not only dots";

    /// <summary>A fresh id for resources whose client left the id out.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
