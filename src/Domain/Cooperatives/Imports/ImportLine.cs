namespace Governance.Domain.Cooperatives.Imports;

/// <summary>One line of an import file as read: its 1-based line number, and the id and name it gives (null when absent).</summary>
public sealed record ImportLine(long Number, string? Id, string? Name);
