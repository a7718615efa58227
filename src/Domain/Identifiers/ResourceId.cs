using Governance.Domain.Rules;

namespace Governance.Domain.Identifiers;

/// <summary>Client-chosen ids: 1–64 letters, digits, '-', '_' or '.'.</summary>
public static class ResourceId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(IsAllowed);

    public static string Require(string? id, string field)
    {
        if (!IsValid(id))
        {
            throw RuleViolationException.Invalid(
                "invalid-id",
                $"'{field}' must be 1-{MaxLength} characters of letters, digits, '-', '_' or '.'.",
                field);
        }

        return id!;
    }

    /// <summary>A fresh id for resources whose client left the id out.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
