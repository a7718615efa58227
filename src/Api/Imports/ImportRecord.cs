using Governance.Domain.Cooperatives.Imports;

namespace Governance.Api.Imports;

/// <summary>A record of an import file: the line it gives, or why it could not be read as one.</summary>
public readonly record struct ImportRecord(ImportLine? Line, ImportRefusal? Refusal)
{
    public static ImportRecord Of(ImportLine line) => new(line, null);

    public static ImportRecord Refused(long line, string code, string message) => new(null, new ImportRefusal(line, code, message));

    public static ImportRecord Unreadable(long line) =>
        Refused(line, ImportRefusalCodes.UnreadableLine, $"The line is not UTF-8 or longer than {BodyLines.MaxLineBytes} bytes.");
}
