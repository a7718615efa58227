using Governance.Domain.Rules;

namespace Governance.Domain.Identifiers;

/// <summary>Client-chosen ids: 1–64 letters, digits, '-', '_' or '.'; a deployment may lower the length limit.</summary>
public static class ResourceId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id, int maxLength = MaxLength) =>
        !string.IsNullOrEmpty(id) && id.Length <= maxLength && id.All(IsAllowed);

    public static string Require(string? id, string field, int maxLength = MaxLength)
    {
        if (!IsValid(id, maxLength))
        {
            throw RuleViolationException.Invalid(
                "invalid-id",
                $"'{field}' must be 1-{maxLength} characters of letters, digits, '-', '_' or '.'.",
                field);
        }

        return id!;
    }

    /// <summary>A fresh id for resources whose client left the id out.</summary>
    public static string New() => Guid.NewGuid().ToString("N");

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
