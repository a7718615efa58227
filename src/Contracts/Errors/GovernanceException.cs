namespace Governance.Contracts.Errors;

/// <summary>A grain rejected a command; nothing was changed. The API turns it into problem details.</summary>
[GenerateSerializer]
[Alias("Governance.GovernanceException")]
public sealed class GovernanceException : Exception
{
    public GovernanceException(ErrorKind kind, string code, string message, string? field = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Field = field;
    }

    public GovernanceException()
        : this(ErrorKind.Invalid, "invalid", "The request was rejected.")
    {
    }

    public GovernanceException(string message)
        : this(ErrorKind.Invalid, "invalid", message)
    {
    }

    public GovernanceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "invalid";
    }

    [Id(0)]
    public ErrorKind Kind { get; private set; }

    [Id(1)]
    public string Code { get; private set; }

    /// <summary>The input field at fault, when there is one.</summary>
    [Id(2)]
    public string? Field { get; private set; }
}
