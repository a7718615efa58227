namespace Governance.Api.Tests.Audit;

/// <summary>Random ballots each method accepts, as request bodies, over the items of a poll.</summary>
public static class RandomBallots
{
    private static readonly string[] Choices = ["yes", "no", "abstain"];

    public static object For(Random random, string method, IReadOnlyList<string> items, int parameter) => method switch
    {
        "majority" => new { choice = Choices[random.Next(Choices.Length)] },
        "schulze" or "borda" => new { ranking = Ranking(random, items) },
        "approval" => new { approved = Subset(random, items) },
        "score" => new { allocations = Subset(random, items).Select(item => new { item, amount = random.Next(parameter + 1) }).ToArray() },
        "quadratic" => new { allocations = QuadraticVotes(random, items, parameter) },
        "dot" => new { allocations = DotPoints(random, items, parameter) },
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>At least one item, in random ranks, some tied; the rest left unranked.</summary>
    private static string[][] Ranking(Random random, IReadOnlyList<string> items)
    {
        var ranked = Shuffled(random, items).Take(random.Next(1, items.Count + 1)).ToList();
        var ranks = new List<string[]>();
        while (ranked.Count > 0)
        {
            var size = random.Next(1, Math.Min(3, ranked.Count) + 1);
            ranks.Add([.. ranked.Take(size)]);
            ranked.RemoveRange(0, size);
        }

        return [.. ranks];
    }

    private static string[] Subset(Random random, IReadOnlyList<string> items) =>
        [.. Shuffled(random, items).Take(random.Next(items.Count + 1))];

    /// <summary>Votes for or against, added while their squares still fit the budget.</summary>
    private static object[] QuadraticVotes(Random random, IReadOnlyList<string> items, int budget)
    {
        var votes = new List<object>();
        var left = budget;
        foreach (var item in Subset(random, items))
        {
            var most = (int)Math.Sqrt(left);
            var amount = random.Next(-most, most + 1);
            left -= amount * amount;
            votes.Add(new { item, amount });
        }

        return [.. votes];
    }

    private static object[] DotPoints(Random random, IReadOnlyList<string> items, int budget)
    {
        var points = new List<object>();
        var left = budget;
        foreach (var item in Subset(random, items))
        {
            var amount = random.Next(left + 1);
            left -= amount;
            points.Add(new { item, amount });
        }

        return [.. points];
    }

    private static List<string> Shuffled(Random random, IReadOnlyList<string> items)
    {
        var shuffled = items.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        return shuffled;
    }
}
