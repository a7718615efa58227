namespace Governance.Contracts.Errors;

[GenerateSerializer]
public enum ErrorKind
{
    Invalid = 1,
    NotFound = 2,
    Conflict = 3,
    Forbidden = 4,
}
