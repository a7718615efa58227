using Governance.Api.Serialization;
using Governance.Contracts.Errors;

namespace Governance.Api.Validation;

/// <summary>
/// An enum in the query string, by the same names as in JSON bodies. A parameter given twice arrives as the values
/// joined by commas, and is refused like any other list.
/// </summary>
public static class QueryEnum
{
    /// <summary>Null when the parameter is absent; otherwise its value, or a 400 with <paramref name="code"/> on <paramref name="field"/>.</summary>
    public static TEnum? Parse<TEnum>(string? value, string field, string code)
        where TEnum : struct, Enum =>
        value is null ? null
        : EnumNames.TryParse<TEnum>(value, out var parsed) ? parsed
        : throw new GovernanceException(ErrorKind.Invalid, code, $"'{field}' must be {EnumNames.Listed<TEnum>()}.", field);
}
