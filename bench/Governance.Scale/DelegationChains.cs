namespace Governance.Scale;

/// <summary>
/// Default delegations laid out as chains of consecutive members after the founder: in each chain of
/// <c>length + 1</c> members, every member delegates to the next, and the last one, the head, delegates to no one.
/// </summary>
public sealed class DelegationChains(int delegations, int length)
{
    private int Span => length + 1;

    private int ChainCount => (delegations + length - 1) / length;

    public int Head(int chain) => First(chain) + length;

    /// <summary>Every delegation as (member, delegate), chain by chain; the last chain may be shorter.</summary>
    public IEnumerable<(int From, int To)> Links()
    {
        var left = delegations;
        for (var chain = 0; chain < ChainCount; chain++)
        {
            for (var position = 0; position < length && left > 0; position++, left--)
            {
                yield return (First(chain) + position, First(chain) + position + 1);
            }
        }
    }

    /// <summary>The member halfway along the first chain, the next one on it, and how many members' weight it carries.</summary>
    public (int Member, int Delegate, int Carried) MiddleOfFirstChain()
    {
        var position = length / 2;
        return (First(0) + position, First(0) + position + 1, position + 1);
    }

    /// <summary>A random member who is not on the first chain, whose weight the changes move.</summary>
    public int OutsideFirstChain(Random random, int members) => random.Next(First(0) + Span, members);

    private static int First(int chain, int span) => 1 + (chain * span);

    private int First(int chain) => First(chain, Span);
}
