using Governance.Domain.Priorities;

namespace Governance.Benchmarks.Priorities;

/// <summary>
/// Deterministic ranked ballots that look like a real priority poll. Each item has a hidden appeal and each voter
/// ranks by appeal plus personal noise, so majorities exist without being unanimous. A voter ranks a random number
/// of their favourite items (1 to all), leaving the rest unranked; each ranked item after the first joins the rank
/// above it with probability <see cref="TieShare"/>. Nine in ten ballots weigh 1; the rest carry delegated weight
/// of 2 to <see cref="MaxDelegatedWeight"/>.
/// </summary>
public static class RandomRankedBallots
{
    public const double TieShare = 0.15;
    public const int MaxDelegatedWeight = 50;

    private const double DelegatedShare = 0.10;

    public static PriorityPoll Poll(int itemCount) =>
        PriorityPoll.Create(Enumerable.Range(0, itemCount).Select(index => $"item-{index:D3}"));

    public static RankedBallot[] Build(PriorityPoll poll, int ballotCount, int seed)
    {
        var random = new Random(seed);
        var items = poll.Items;
        var appeal = items.Select(_ => random.NextDouble()).ToArray();
        var utility = new double[items.Count];
        var order = new int[items.Count];
        var ballots = new RankedBallot[ballotCount];
        for (var ballot = 0; ballot < ballotCount; ballot++)
        {
            for (var item = 0; item < items.Count; item++)
            {
                utility[item] = appeal[item] + random.NextDouble();
                order[item] = item;
            }

            Array.Sort(order, (left, right) => utility[right].CompareTo(utility[left]));
            var rankedCount = random.Next(1, items.Count + 1);
            var ranks = new List<IReadOnlyList<string>>();
            var rank = new List<string>();
            foreach (var item in order[..rankedCount])
            {
                if (rank.Count > 0 && random.NextDouble() >= TieShare)
                {
                    ranks.Add([.. rank]);
                    rank.Clear();
                }

                rank.Add(items[item]);
            }

            ranks.Add([.. rank]);
            var weight = random.NextDouble() < DelegatedShare ? random.Next(2, MaxDelegatedWeight + 1) : 1;
            ballots[ballot] = new RankedBallot(ranks, weight);
        }

        return ballots;
    }
}
