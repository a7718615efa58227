using System.Buffers;

namespace Governance.Domain.Voting;

/// <summary>
/// One decision's liquid tally, kept up to date change by change, so that reading it costs nothing and a change costs
/// the chains it touches instead of a pass over every member. It counts exactly what <see cref="LiquidResolver"/>
/// counts: the first direct voter on a member's chain carries its weight; a chain that ends without one, loops, or
/// passes through an ineligible member loses it.
/// </summary>
/// <remarks>
/// The delegations are kept as a forest. Its roots are the members whose weight goes no further: direct voters,
/// ineligible members, members with no delegate or one outside the roster, and on every loop one member, its cycle
/// root, whose own delegation is left out of the forest. Every other member hangs under its delegate, and each member
/// keeps the weight of its subtree: the eligible members whose chains reach it, itself included. A root that voted
/// directly carries its subtree's weight; every other root loses it. A change unhooks one member's subtree, walking up
/// to its root to take the weight off, and hooks it under its new delegate, walking up to add it. When the walk up
/// from the new delegate comes back to the member, the delegation closes a loop and the member becomes its cycle
/// root; when the subtree hung under a cycle root, the root is hooked again, since the change may have opened its
/// loop. Each change costs O(chain length + loop length); memory is nine bytes a member.
/// </remarks>
public sealed class LiveTally
{
    /// <summary>What <see cref="CarrierOf"/> returns for a member whose weight is not counted.</summary>
    public const int Lost = LiquidResolver.Lost;

    /// <summary>A member's effective delegate when no scope gives one.</summary>
    public const int NoDelegate = -1;

    // A member's flags: its direct choice in the low bits (Choice is 1 to 3, 0 for none), then its state in the forest.
    private const byte ChoiceBits = 0b11;
    private const byte EligibleFlag = 1 << 2;
    private const byte HookedFlag = 1 << 3;
    private const byte CycleRootFlag = 1 << 4;

    private const int NoRoot = -1;

    /// <summary>Delegate and subtree weight side by side, so a step up a chain reads one cache line, not two.</summary>
    private readonly Node[] _nodes;
    private readonly byte[] _flags;
    private int _yes;
    private int _no;
    private int _abstain;

    /// <summary>
    /// Resolves the whole network once, in O(members + delegations). Its scratch arrays (9 bytes a member) come from
    /// the shared pool: a hundred decisions starting their counts at a million members otherwise leave the large
    /// object heap holed with them.
    /// </summary>
    public LiveTally(DelegationNetwork network)
    {
        var count = network.MemberCount;
        _nodes = new Node[count];
        _flags = new byte[count];
        var scratch = ArrayPool<int>.Shared.Rent(count);
        try
        {
            network.WriteEffectiveDelegates(scratch.AsSpan(0, count));
            for (var member = 0; member < count; member++)
            {
                var eligible = network.Eligible[member];
                _flags[member] = (byte)((eligible ? EligibleFlag : 0) | (byte)(network.DirectChoices[member] ?? 0));
                _nodes[member] = new Node { Delegate = scratch[member], Weight = eligible ? 1 : 0 };
                EligibleCount += eligible ? 1 : 0;
            }

            HookEveryDelegation(scratch);
            AddSubtreeWeights(scratch);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }

        for (var member = 0; member < count; member++)
        {
            if (IsCounted(member))
            {
                Count(ChoiceOf(member), _nodes[member].Weight);
            }
        }
    }

    /// <summary>
    /// Raised whenever the weight a direct ballot carries changes, a cast ballot rising from 0 and a withdrawn one
    /// falling to 0, so that a ranking method can update its result by the ballot times the difference.
    /// </summary>
    public event Action<CarriedWeightChange>? CarriedWeightChanged;

    public int MemberCount => _nodes.Length;

    public int EligibleCount { get; }

    /// <summary>The counts <see cref="LiquidResolver.Tally"/> gives for the network as it stands now. O(1).</summary>
    public TallyCounts Counts => new(EligibleCount, _yes, _no, _abstain);

    /// <summary>The member's effective delegate as last set: <see cref="NoDelegate"/>, a member, or an index past the roster.</summary>
    public int DelegateOf(int member) => _nodes[RequireMember(member)].Delegate;

    public Choice? DirectChoiceOf(int member) => (_flags[RequireMember(member)] & ChoiceBits) is var choice and > 0 ? (Choice)choice : null;

    /// <summary>How many eligible members the member's direct ballot carries, itself included; 0 unless it is a counted ballot. O(1).</summary>
    public int CarriedWeight(int member) => IsCounted(RequireMember(member)) ? _nodes[member].Weight : 0;

    /// <summary>The direct voter who carries the member's weight, or <see cref="Lost"/>. O(chain length).</summary>
    public int CarrierOf(int member)
    {
        var root = RootOf(RequireMember(member));
        return IsCounted(root) ? root : Lost;
    }

    /// <summary>
    /// Points the member's weight at <paramref name="target"/>: <see cref="NoDelegate"/> (or any negative value) for
    /// none, an index past the roster for a delegate who is not on it. O(chain length + loop length).
    /// </summary>
    public void SetDelegate(int member, int target)
    {
        RequireMember(member);
        target = Math.Max(target, NoDelegate);
        if (_nodes[member].Delegate == target)
        {
            return;
        }

        var formerRoot = Unhook(member);
        _nodes[member].Delegate = target;
        Hook(member);
        RehookCycleRoot(formerRoot);
    }

    /// <summary>
    /// Casts, changes or (with null) withdraws the member's direct ballot. A ballot stops the member's own delegation
    /// and carries everyone whose chain reaches it; withdrawn, the member follows its delegate again. An ineligible
    /// member's ballot is kept but never counted. O(chain length + loop length).
    /// </summary>
    public void SetDirectChoice(int member, Choice? choice)
    {
        RequireMember(member);
        var before = (Choice)(_flags[member] & ChoiceBits);
        var after = choice ?? 0;
        if (before == after)
        {
            return;
        }

        if (!IsEligible(member))
        {
            SetChoiceBits(member, after);
            return;
        }

        var weight = _nodes[member].Weight;
        if (before == 0)
        {
            var formerRoot = Unhook(member);
            SetChoiceBits(member, after);
            Count(after, weight);
            CarriedWeightChanged?.Invoke(new CarriedWeightChange(member, 0, weight));
            RehookCycleRoot(formerRoot);
        }
        else if (after == 0)
        {
            Count(before, -weight);
            CarriedWeightChanged?.Invoke(new CarriedWeightChange(member, weight, 0));
            SetChoiceBits(member, 0);
            Hook(member);
        }
        else
        {
            Count(before, -weight);
            Count(after, weight);
            SetChoiceBits(member, after);
        }
    }

    /// <summary>
    /// Takes the member's subtree off the chain it hangs on, walking up to the root to subtract its weight, and
    /// returns that root; <see cref="NoRoot"/> when the member was a root already. A cycle root simply stops being one.
    /// </summary>
    private int Unhook(int member)
    {
        var flags = _flags[member];
        _flags[member] = (byte)(flags & ~(HookedFlag | CycleRootFlag));
        if ((flags & HookedFlag) == 0)
        {
            return NoRoot;
        }

        var weight = _nodes[member].Weight;
        var current = _nodes[member].Delegate;
        while (true)
        {
            _nodes[current].Weight -= weight;
            if ((_flags[current] & HookedFlag) == 0)
            {
                break;
            }

            current = _nodes[current].Delegate;
        }

        Carried(current, -weight);
        return current;
    }

    /// <summary>
    /// Hangs a root member under its delegate if it delegates: first walks up from the delegate to find the root,
    /// then, unless that root is the member itself (the delegation closes a loop, and the member becomes its cycle
    /// root), walks the same chain again to add the member's weight.
    /// </summary>
    private void Hook(int member)
    {
        if (!IsDelegating(member))
        {
            return;
        }

        var target = _nodes[member].Delegate;
        var root = RootOf(target);
        if (root == member)
        {
            _flags[member] |= CycleRootFlag;
            return;
        }

        _flags[member] |= HookedFlag;
        var weight = _nodes[member].Weight;
        for (var current = target; current != root; current = _nodes[current].Delegate)
        {
            _nodes[current].Weight += weight;
        }

        _nodes[root].Weight += weight;
        Carried(root, weight);
    }

    /// <summary>A cycle root whose subtree just changed may have lost its loop; hooking it again finds out.</summary>
    private void RehookCycleRoot(int root)
    {
        if (root != NoRoot && (_flags[root] & CycleRootFlag) != 0)
        {
            _flags[root] = (byte)(_flags[root] & ~CycleRootFlag);
            Hook(root);
        }
    }

    /// <summary>Counts a change of a root's weight, which only a counted ballot carries.</summary>
    private void Carried(int root, int change)
    {
        if (IsCounted(root))
        {
            Count(ChoiceOf(root), change);
            var after = _nodes[root].Weight;
            CarriedWeightChanged?.Invoke(new CarriedWeightChange(root, after - change, after));
        }
    }

    private void Count(Choice choice, int weight)
    {
        switch (choice)
        {
            case Choice.Yes: _yes += weight; break;
            case Choice.No: _no += weight; break;
            case Choice.Abstain: _abstain += weight; break;
        }
    }

    private int RootOf(int member)
    {
        var current = member;
        while ((_flags[current] & HookedFlag) != 0)
        {
            current = _nodes[current].Delegate;
        }

        return current;
    }

    /// <summary>
    /// Hooks every member who delegates, in one pass like <see cref="LiquidResolver"/>'s: each chain is walked until it
    /// meets a member already walked or a root, and a walk that comes back onto itself has found a loop, whose first
    /// member met again becomes its cycle root. Counts into <paramref name="children"/> how many members hang directly
    /// under each member.
    /// </summary>
    private void HookEveryDelegation(int[] children)
    {
        const byte Unvisited = 0, OnCurrentPath = 1, Walked = 2;
        Array.Clear(children, 0, _nodes.Length);
        var states = ArrayPool<byte>.Shared.Rent(_nodes.Length);
        Array.Clear(states, 0, _nodes.Length);
        var path = new List<int>();
        for (var start = 0; start < _nodes.Length; start++)
        {
            var current = start;
            while (states[current] == Unvisited && IsDelegating(current))
            {
                states[current] = OnCurrentPath;
                path.Add(current);
                current = _nodes[current].Delegate;
            }

            if (states[current] == OnCurrentPath)
            {
                _flags[current] |= CycleRootFlag;
            }

            foreach (var member in path)
            {
                states[member] = Walked;
                if ((_flags[member] & CycleRootFlag) == 0)
                {
                    _flags[member] |= HookedFlag;
                    children[_nodes[member].Delegate]++;
                }
            }

            path.Clear();
        }

        ArrayPool<byte>.Shared.Return(states);
    }

    /// <summary>
    /// Adds every subtree's weight to its parent, children before parents: from each member with nothing hanging under
    /// it, walks up for as long as the member reached has had all its children added, and marks it so that the pass
    /// does not start from it again. Each member is added once.
    /// </summary>
    private void AddSubtreeWeights(int[] waitingChildren)
    {
        const int AddedAlready = -1;
        for (var leaf = 0; leaf < _nodes.Length; leaf++)
        {
            if (waitingChildren[leaf] != 0)
            {
                continue;
            }

            var current = leaf;
            while ((_flags[current] & HookedFlag) != 0)
            {
                var parent = _nodes[current].Delegate;
                _nodes[parent].Weight += _nodes[current].Weight;
                if (--waitingChildren[parent] != 0)
                {
                    break;
                }

                waitingChildren[parent] = AddedAlready;
                current = parent;
            }
        }
    }

    /// <summary>Whether the member is on the roster and eligible. O(1).</summary>
    public bool IsEligible(int member) => (uint)member < (uint)_flags.Length && (_flags[member] & EligibleFlag) != 0;

    /// <summary>An eligible direct voter: a root whose weight is counted.</summary>
    private bool IsCounted(int member) => (_flags[member] & (EligibleFlag | ChoiceBits)) > EligibleFlag;

    /// <summary>An eligible member without a ballot whose delegate is on the roster: one who hangs under it unless it is a cycle root.</summary>
    private bool IsDelegating(int member) =>
        (_flags[member] & (EligibleFlag | ChoiceBits)) == EligibleFlag && (uint)_nodes[member].Delegate < (uint)_nodes.Length;

    private Choice ChoiceOf(int member) => (Choice)(_flags[member] & ChoiceBits);

    private void SetChoiceBits(int member, Choice choice) => _flags[member] = (byte)((_flags[member] & ~ChoiceBits) | (byte)choice);

    private int RequireMember(int member)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(member, _nodes.Length);
        return member;
    }

    private struct Node
    {
        public int Delegate;
        public int Weight;
    }
}
