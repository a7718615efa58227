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

    public static string? FromPosition(int position, int count) =>
        position < count ? position.ToString(CultureInfo.InvariantCulture) : null;
}
