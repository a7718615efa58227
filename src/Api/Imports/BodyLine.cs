namespace Governance.Api.Imports;

/// <summary>One physical line of a body, numbered from 1, without its line break; null text when it could not be read.</summary>
public readonly record struct BodyLine(long Number, string? Text);
