namespace Governance.Domain.Rules;

/// <summary>What kind of rule a rejected command broke; the API maps it to an HTTP status.</summary>
public enum RuleViolationKind
{
    Invalid,
    NotFound,
    Conflict,

    /// <summary>The caller is a member but this rule bars them in particular, such as reviewing their own work.</summary>
    Forbidden,
}

/// <summary>A command was rejected by a governance rule. Nothing was changed.</summary>
public sealed class RuleViolationException : Exception
{
    public RuleViolationException(RuleViolationKind kind, string code, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Field = field;
    }

    public RuleViolationKind Kind { get; }

    public string Code { get; }

    /// <summary>The input field at fault, when there is one.</summary>
    public string? Field { get; }

    public static RuleViolationException Invalid(string code, string message, string? field = null) =>
        new(RuleViolationKind.Invalid, code, message, field);

    public static RuleViolationException NotFound(string code, string message) =>
        new(RuleViolationKind.NotFound, code, message);

    public static RuleViolationException Conflict(string code, string message) =>
        new(RuleViolationKind.Conflict, code, message);

    public static RuleViolationException Forbidden(string code, string message) =>
        new(RuleViolationKind.Forbidden, code, message);
}
