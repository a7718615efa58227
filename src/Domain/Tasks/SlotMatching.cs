using System.Runtime.InteropServices;

namespace Governance.Domain.Tasks;

/// <summary>
/// Exact min-cost flow on the slot network: source → task (capacity 1) → member (cost −score) → sink (capacity: the
/// member's slots), plus a free task → sink edge that stands for "nobody", so every task is routed and leaving one
/// out costs 0. Solved by successive shortest paths, one task at a time: when the tasks routed so far are routed at
/// minimum cost, their residual graph has no negative cycle, and adding the cheapest path from a new task to the sink
/// routes it too at minimum cost. So each step is one Dijkstra search from that task alone, on costs reduced by
/// Johnson potentials, that stops as soon as the sink is settled.
/// </summary>
/// <remarks>
/// <para>
/// Members with a free slot are never settled before the sink (their edge to it costs 0), so their potential always
/// equals the sink's, and a path through one of them ends there. The search therefore never visits them: from a task
/// it goes straight to the sink through the best free member, the first free one in the task's best-first pairs.
/// A member's task count never falls (a path hands a member one task for each it takes away), so a member, once full,
/// stays full, and each task's pointer to its best free member only moves forward. The search visits tasks and full
/// members only, a few thousand nodes even when members number tens of thousands.
/// </para>
/// <para>
/// Ties: tasks and members are sorted by id, equal distances leave the queue in node order, and a path only replaces
/// one it strictly beats. "Nobody" is tried first, so a task is left out rather than reshuffling others for no gain.
/// </para>
/// </remarks>
internal sealed class SlotMatching
{
    private const int None = -1;

    private readonly CandidatePairs _pairs;
    private readonly int[] _slots;
    private readonly int _taskCount;
    private readonly int _sink;

    // Each member holds its tasks in its own segment of one array, sized by its slots.
    private readonly int[] _firstHeld;
    private readonly int[] _heldCount;
    private readonly int[] _held;
    private readonly int[] _heldAt;
    private readonly int[] _assignedPair;

    private readonly int[] _bestFreePair;
    private readonly List<FullPair>[] _pairsWithFullMembers;
    private readonly int[] _firstPairOfMember;
    private readonly int[] _pairsByMember;

    // Nodes: tasks 0..T-1, members T..T+M-1, then the sink.
    private readonly double[] _potential;
    private readonly double[] _distance;
    private readonly int[] _arrivedFrom;
    private readonly int[] _arrivedByPair;
    private readonly List<int> _reached = [];
    private readonly PriorityQueue<int, (double Distance, int Node)> _queue = new();

    private SlotMatching(CandidatePairs pairs, int taskCount, int[] slots)
    {
        _pairs = pairs;
        _slots = slots;
        _taskCount = taskCount;
        _sink = taskCount + slots.Length;

        _firstHeld = new int[slots.Length + 1];
        for (var member = 0; member < slots.Length; member++)
        {
            _firstHeld[member + 1] = _firstHeld[member] + slots[member];
        }

        _heldCount = new int[slots.Length];
        _held = new int[_firstHeld[^1]];
        _heldAt = new int[taskCount];
        _assignedPair = new int[taskCount];
        Array.Fill(_assignedPair, None);

        _bestFreePair = new int[taskCount];
        _pairsWithFullMembers = new List<FullPair>[taskCount];
        for (var task = 0; task < taskCount; task++)
        {
            _bestFreePair[task] = pairs.FirstOf(task);
            _pairsWithFullMembers[task] = [];
        }

        (_firstPairOfMember, _pairsByMember) = PairsByMember(pairs, taskCount, slots.Length);

        _potential = new double[_sink + 1];
        _distance = new double[_sink + 1];
        Array.Fill(_distance, double.PositiveInfinity);
        _arrivedFrom = new int[_sink + 1];
        _arrivedByPair = new int[_sink + 1];
    }

    /// <summary>The optimal pair per task when member i can take <paramref name="slots"/>[i] tasks; -1 for a task left out.</summary>
    public static int[] Solve(CandidatePairs pairs, int taskCount, int[] slots)
    {
        var matching = new SlotMatching(pairs, taskCount, slots);
        for (var task = 0; task < taskCount; task++)
        {
            matching.Route(task);
        }

        return matching._assignedPair;
    }

    private static (int[] FirstPairOfMember, int[] PairsByMember) PairsByMember(CandidatePairs pairs, int taskCount, int memberCount)
    {
        var firstPairOfMember = new int[memberCount + 1];
        for (var pair = 0; pair < pairs.Count; pair++)
        {
            firstPairOfMember[pairs.Member(pair) + 1]++;
        }

        for (var member = 0; member < memberCount; member++)
        {
            firstPairOfMember[member + 1] += firstPairOfMember[member];
        }

        var next = firstPairOfMember[..^1];
        var pairsByMember = new int[pairs.Count];
        for (var task = 0; task < taskCount; task++)
        {
            for (var pair = pairs.FirstOf(task); pair < pairs.EndOf(task); pair++)
            {
                pairsByMember[next[pairs.Member(pair)]++] = pair;
            }
        }

        return (firstPairOfMember, pairsByMember);
    }

    private bool IsTask(int node) => node < _taskCount;

    private int MemberNode(int member) => _taskCount + member;

    private bool IsFull(int member) => _heldCount[member] == _slots[member];

    private void Route(int task)
    {
        _potential[task] = NewTaskPotential(task);
        Search(task);
        var newlyFull = Augment(task);
        UpdatePotentials();
        if (newlyFull != None)
        {
            MarkFull(newlyFull);
        }
    }

    /// <summary>
    /// No residual edge leads into a new task, so its potential only has to keep its own edges' reduced costs
    /// non-negative: at least each member's potential plus the pair's score. Free members share the sink's potential,
    /// so among them only the best free pair counts.
    /// </summary>
    private double NewTaskPotential(int task)
    {
        var potential = _potential[_sink];
        var bestFree = BestFreePair(task);
        if (bestFree != None)
        {
            potential += _pairs.Score(bestFree);
        }

        foreach (var full in CollectionsMarshal.AsSpan(_pairsWithFullMembers[task]))
        {
            potential = Math.Max(potential, _potential[full.MemberNode] + full.Score);
        }

        return potential;
    }

    private void Search(int task)
    {
        foreach (var node in _reached)
        {
            _distance[node] = double.PositiveInfinity;
        }

        _reached.Clear();
        _queue.Clear();
        SetDistance(task, 0, None, None);
        while (_queue.TryDequeue(out var node, out var key))
        {
            if (node == _sink)
            {
                return;
            }

            if (key.Distance > _distance[node])
            {
                continue;
            }

            if (IsTask(node))
            {
                RelaxFromTask(node);
            }
            else
            {
                RelaxFromFullMember(node);
            }
        }
    }

    private void RelaxFromTask(int task)
    {
        Relax(task, _sink, 0, None);
        var bestFree = BestFreePair(task);
        if (bestFree != None)
        {
            Relax(task, _sink, -_pairs.Score(bestFree), bestFree);
        }

        foreach (var full in CollectionsMarshal.AsSpan(_pairsWithFullMembers[task]))
        {
            if (full.Pair != _assignedPair[task])
            {
                Relax(task, full.MemberNode, -full.Score, full.Pair);
            }
        }
    }

    /// <summary>A full member can only hand one of its tasks on.</summary>
    private void RelaxFromFullMember(int node)
    {
        var member = node - _taskCount;
        for (var index = _firstHeld[member]; index < _firstHeld[member] + _heldCount[member]; index++)
        {
            var held = _held[index];
            Relax(node, held, _pairs.Score(_assignedPair[held]), None);
        }
    }

    private int BestFreePair(int task)
    {
        var end = _pairs.EndOf(task);
        while (_bestFreePair[task] < end && IsFull(_pairs.Member(_bestFreePair[task])))
        {
            _bestFreePair[task]++;
        }

        return _bestFreePair[task] < end ? _bestFreePair[task] : None;
    }

    private void Relax(int from, int to, double cost, int pair)
    {
        // Rounding can leave a reduced cost a hair below zero; Dijkstra needs it non-negative.
        var reduced = Math.Max(0, cost + _potential[from] - _potential[to]);
        var distance = _distance[from] + reduced;

        // Reduced costs are non-negative, so nothing at or beyond the sink's current distance can shorten the path.
        if (distance < _distance[to] && distance < _distance[_sink])
        {
            SetDistance(to, distance, from, pair);
        }
    }

    private void SetDistance(int node, double distance, int from, int pair)
    {
        if (double.IsPositiveInfinity(_distance[node]))
        {
            _reached.Add(node);
        }

        _distance[node] = distance;
        _arrivedFrom[node] = from;
        _arrivedByPair[node] = pair;
        _queue.Enqueue(node, (distance, node));
    }

    /// <summary>
    /// Walks the path back from the sink: its last task goes to a free member or to nobody, and each task before it
    /// moves into the place the next one left. Returns the member the path filled up, if any.
    /// </summary>
    private int Augment(int task)
    {
        var mover = _arrivedFrom[_sink];
        Release(mover);
        var newlyFull = None;
        if (_arrivedByPair[_sink] != None)
        {
            var member = Hold(mover, _arrivedByPair[_sink]);
            newlyFull = IsFull(member) ? member : None;
        }

        while (mover != task)
        {
            var memberNode = _arrivedFrom[mover];
            mover = _arrivedFrom[memberNode];
            Release(mover);
            Hold(mover, _arrivedByPair[memberNode]);
        }

        return newlyFull;
    }

    /// <summary>
    /// Johnson's update, with distances capped at the sink's: capping keeps reduced costs non-negative while sparing a
    /// search of the whole graph on every augmentation. Every node beyond the sink, the sink itself and the free
    /// members the search skips would gain the same amount, and only differences of potentials matter, so only the
    /// nodes settled closer than the sink move, by their distance less the sink's.
    /// </summary>
    private void UpdatePotentials()
    {
        var sinkDistance = _distance[_sink];
        foreach (var node in _reached)
        {
            if (_distance[node] < sinkDistance)
            {
                _potential[node] += _distance[node] - sinkDistance;
            }
        }
    }

    /// <summary>From now on tasks reach this member through its node, which starts where free members are: at the sink's potential.</summary>
    private void MarkFull(int member)
    {
        _potential[MemberNode(member)] = _potential[_sink];
        for (var index = _firstPairOfMember[member]; index < _firstPairOfMember[member + 1]; index++)
        {
            var pair = _pairsByMember[index];
            _pairsWithFullMembers[_pairs.TaskOf(pair)].Add(new FullPair(pair, MemberNode(member), _pairs.Score(pair)));
        }
    }

    private void Release(int task)
    {
        if (_assignedPair[task] == None)
        {
            return;
        }

        var member = _pairs.Member(_assignedPair[task]);
        var last = _firstHeld[member] + --_heldCount[member];
        var moved = _held[last];
        _held[_heldAt[task]] = moved;
        _heldAt[moved] = _heldAt[task];
        _assignedPair[task] = None;
    }

    private int Hold(int task, int pair)
    {
        var member = _pairs.Member(pair);
        var index = _firstHeld[member] + _heldCount[member]++;
        _held[index] = task;
        _heldAt[task] = index;
        _assignedPair[task] = pair;
        return member;
    }

    /// <summary>A pair whose member is full, with what the search reads of it kept together, as it is read often.</summary>
    private readonly record struct FullPair(int Pair, int MemberNode, double Score);
}
