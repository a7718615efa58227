namespace Governance.Domain.Tasks;

/// <summary>
/// Integral min-cost flow by successive shortest paths. Dijkstra runs on reduced costs (Johnson potentials), so each
/// augmentation costs O(E log V) instead of Bellman-Ford's O(VE).
/// </summary>
internal sealed class MinCostFlow
{
    private readonly List<int> _target = [];
    private readonly List<int> _residual = [];
    private readonly List<double> _cost = [];
    private readonly List<int>[] _outgoing;

    public MinCostFlow(int nodeCount)
    {
        _outgoing = new List<int>[nodeCount];
        for (var node = 0; node < nodeCount; node++)
        {
            _outgoing[node] = [];
        }
    }

    /// <summary>Adds an edge and its residual twin; returns the edge's handle for <see cref="Flow"/>.</summary>
    public int AddEdge(int from, int to, int capacity, double cost)
    {
        var edge = _target.Count;
        _target.Add(to);
        _residual.Add(capacity);
        _cost.Add(cost);
        _outgoing[from].Add(edge);
        _target.Add(from);
        _residual.Add(0);
        _cost.Add(-cost);
        _outgoing[to].Add(edge + 1);
        return edge;
    }

    public int Flow(int edge) => _residual[edge ^ 1];

    /// <summary>
    /// Pushes one unit at a time along the cheapest path while that path has negative cost, which yields a flow of
    /// minimum cost over all flow values. Precondition: every edge goes from a lower to a higher node index (the
    /// graph is a DAG in index order), so the initial potentials come from one pass in index order even though
    /// costs are negative.
    /// </summary>
    public void MinimiseCost(int source, int sink)
    {
        var potential = InitialPotentials(source);
        var distance = new double[_outgoing.Length];
        var arrivedBy = new int[_outgoing.Length];
        var queue = new PriorityQueue<int, (double Distance, int Node)>();

        while (true)
        {
            Array.Fill(distance, double.PositiveInfinity);
            queue.Clear();
            distance[source] = 0;
            queue.Enqueue(source, (0, source));
            while (queue.TryDequeue(out var node, out var key))
            {
                if (node == sink)
                {
                    break;
                }

                if (key.Distance > distance[node])
                {
                    continue;
                }

                foreach (var edge in _outgoing[node])
                {
                    if (_residual[edge] == 0)
                    {
                        continue;
                    }

                    var next = _target[edge];
                    // Rounding can leave a reduced cost a hair below zero; Dijkstra needs it non-negative.
                    var reduced = Math.Max(0, _cost[edge] + potential[node] - potential[next]);
                    var candidate = distance[node] + reduced;
                    if (candidate < distance[next])
                    {
                        distance[next] = candidate;
                        arrivedBy[next] = edge;
                        queue.Enqueue(next, (candidate, next));
                    }
                }
            }

            if (double.IsPositiveInfinity(distance[sink]) || PathCost(source, sink, arrivedBy) >= 0)
            {
                return;
            }

            for (var node = sink; node != source; node = _target[arrivedBy[node] ^ 1])
            {
                _residual[arrivedBy[node]]--;
                _residual[arrivedBy[node] ^ 1]++;
            }

            // The search stopped at the sink, so distances beyond it are capped there; capping keeps reduced costs
            // non-negative while sparing a search of the whole graph on every augmentation.
            for (var node = 0; node < potential.Length; node++)
            {
                potential[node] += Math.Min(distance[node], distance[sink]);
            }
        }
    }

    private double[] InitialPotentials(int source)
    {
        var potential = new double[_outgoing.Length];
        Array.Fill(potential, double.PositiveInfinity);
        potential[source] = 0;
        for (var node = 0; node < potential.Length; node++)
        {
            if (double.IsPositiveInfinity(potential[node]))
            {
                continue;
            }

            foreach (var edge in _outgoing[node])
            {
                if (_residual[edge] > 0)
                {
                    potential[_target[edge]] = Math.Min(potential[_target[edge]], potential[node] + _cost[edge]);
                }
            }
        }

        return potential;
    }

    /// <summary>Summed from the edges rather than from potentials, so the stopping test is not blurred by drift.</summary>
    private double PathCost(int source, int sink, int[] arrivedBy)
    {
        var cost = 0.0;
        for (var node = sink; node != source; node = _target[arrivedBy[node] ^ 1])
        {
            cost += _cost[arrivedBy[node]];
        }

        return cost;
    }
}
