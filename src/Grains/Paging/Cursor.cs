using System.Globalization;
using Governance.Domain.Rules;

namespace Governance.Grains.Paging;

/// <summary>Cursors are positions in an append-only list, so a page never skips or repeats an item added meanwhile.</summary>
public static class Cursor
{
    public static int ToPosition(string? cursor) =>
        cursor is null
            ? 0
            : int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? position
                : throw RuleViolationException.Invalid("invalid-cursor", "'cursor' is not one this list returned.", "cursor");

    /// <summary>
    /// A cursor that is a version of a log or a sequence number, which outgrow an int; <paramref name="parameter"/>
    /// names the query parameter it came in.
    /// </summary>
    public static long ToVersion(string? cursor, string parameter) =>
        cursor is null
            ? 0
            : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
                ? version
                : throw RuleViolationException.Invalid("invalid-cursor", $"'{parameter}' is not a cursor this list returned.", parameter);

    public static string? FromPosition(int position, int count) =>
        position < count ? position.ToString(CultureInfo.InvariantCulture) : null;
}
