namespace Governance.Domain.Tests.Tasks;

/// <summary>
/// The optimum of an instance whose tasks all take the same hours, where a member can take exactly
/// floor(capacity / effort) tasks: the textbook min-cost flow source → task → member → sink, by successive shortest
/// paths found with Bellman-Ford, which needs no potentials. Written for clarity rather than speed, and independent of
/// the production code, so it can check instances far beyond exhaustive search.
/// </summary>
public static class ReferenceMinCostFlow
{
    public static double EqualEffortOptimum(AssignmentInstance instance)
    {
        var tasks = instance.Tasks;
        var members = instance.Members;
        var source = tasks.Length + members.Length;
        var sink = source + 1;
        var edges = new List<Edge>();
        for (var task = 0; task < tasks.Length; task++)
        {
            AddEdge(edges, source, task, 1, 0);
            for (var member = 0; member < members.Length; member++)
            {
                var score = tasks[task].Priority * ReferenceAssignment.Fit(tasks[task], members[member]);
                if (score > 0 && tasks[task].EffortHours <= members[member].WeeklyCapacityHours)
                {
                    AddEdge(edges, task, tasks.Length + member, 1, -score);
                }
            }
        }

        for (var member = 0; member < members.Length && tasks.Length > 0; member++)
        {
            AddEdge(edges, tasks.Length + member, sink, members[member].WeeklyCapacityHours / tasks[0].EffortHours, 0);
        }

        var total = 0.0;
        while (CheapestPath(edges, sink + 1, source, sink) is { Cost: < -1e-12 } path)
        {
            foreach (var edge in path.Edges)
            {
                edges[edge].Capacity--;
                edges[edge ^ 1].Capacity++;
            }

            total -= path.Cost;
        }

        return total;
    }

    private static void AddEdge(List<Edge> edges, int from, int to, int capacity, double cost)
    {
        edges.Add(new Edge(from, to, capacity, cost));
        edges.Add(new Edge(to, from, 0, -cost));
    }

    private static (double Cost, List<int> Edges)? CheapestPath(List<Edge> edges, int nodeCount, int source, int sink)
    {
        var distance = Enumerable.Repeat(double.PositiveInfinity, nodeCount).ToArray();
        var arrivedBy = new int[nodeCount];
        distance[source] = 0;
        for (var round = 0; round < nodeCount; round++)
        {
            for (var edge = 0; edge < edges.Count; edge++)
            {
                var (from, to, capacity, cost) = (edges[edge].From, edges[edge].To, edges[edge].Capacity, edges[edge].Cost);
                if (capacity > 0 && distance[from] + cost < distance[to] - 1e-12)
                {
                    distance[to] = distance[from] + cost;
                    arrivedBy[to] = edge;
                }
            }
        }

        if (double.IsPositiveInfinity(distance[sink]))
        {
            return null;
        }

        var path = new List<int>();
        for (var node = sink; node != source; node = edges[arrivedBy[node]].From)
        {
            path.Add(arrivedBy[node]);
        }

        return (distance[sink], path);
    }

    private sealed class Edge(int from, int to, int capacity, double cost)
    {
        public int From { get; } = from;

        public int To { get; } = to;

        public int Capacity { get; set; } = capacity;

        public double Cost { get; } = cost;
    }
}
