namespace Governance.Domain.Cooperatives.Imports;

/// <summary>A line that added nobody, with a code from <see cref="ImportRefusalCodes"/> and a message saying why.</summary>
public sealed record ImportRefusal(long Line, string Code, string Message);
