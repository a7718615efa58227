namespace Governance.Domain.Voting;

/// <summary>
/// Codes for one member's delegation entry at one scope, stored in dense arrays indexed by member.
/// A value of zero or more is the index of the delegate.
/// </summary>
public static class DelegationEntry
{
    /// <summary>No entry at this scope: the broader scope applies.</summary>
    public const int None = -1;

    /// <summary>An explicit "no delegation" at this scope: broader scopes are blocked.</summary>
    public const int Blocked = -2;

    /// <summary>The entry that applies of two scopes' entries for one member: the narrower one's unless it has none.</summary>
    public static int Prevailing(int narrower, int broader) => narrower != None ? narrower : broader;

    /// <summary>An array of <paramref name="length"/> entries, all <see cref="None"/>.</summary>
    public static int[] EmptyLayer(int length)
    {
        var layer = new int[length];
        Array.Fill(layer, None);
        return layer;
    }
}
