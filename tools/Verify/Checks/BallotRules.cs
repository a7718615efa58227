using Governance.Verify.Records;

namespace Governance.Verify.Checks;

/// <summary>
/// The rules a ballot of each method follows: it marks only the field its method reads; rankings and lists name
/// items of the poll, each once, with no empty rank; a score is 0 to maxScore; quadratic votes cost their square,
/// within creditBudget; dot points are not negative and sum to at most pointBudget.
/// </summary>
public static class BallotRules
{
    private static readonly string[] Choices = ["yes", "no", "abstain"];

    public static IEnumerable<string> Breaches(AuditedDecision decision, Ballot ballot)
    {
        var field = decision.Method switch
        {
            "majority" => "choice",
            "schulze" or "borda" => "ranking",
            "approval" => "approved",
            _ => "allocations",
        };
        (string Name, bool Given)[] marks =
        [
            ("choice", ballot.Choice is not null), ("ranking", ballot.Ranking is not null),
            ("approved", ballot.Approved is not null), ("allocations", ballot.Allocations is not null),
        ];
        foreach (var (name, given) in marks.Where(mark => mark.Given != (mark.Name == field)))
        {
            yield return given ? $"marks {name}, which the {decision.Method} method does not read" : $"has no {name}";
        }

        var items = new HashSet<string>(decision.Items.Select(item => item.Id), StringComparer.Ordinal);
        var named = new List<string>();
        switch (field)
        {
            case "choice" when ballot.Choice is { } choice && !Choices.Contains(choice):
                yield return $"choice '{choice}' is not yes, no or abstain";
                break;
            case "ranking" when ballot.Ranking is { } ranking:
                if (ranking.Any(rank => rank.Count == 0))
                {
                    yield return "a rank lists no items";
                }

                named.AddRange(ranking.SelectMany(rank => rank));
                break;
            case "approved" when ballot.Approved is { } approved:
                named.AddRange(approved);
                break;
            case "allocations" when ballot.Allocations is { } allocations:
                named.AddRange(allocations.Select(allocation => allocation.Item));
                foreach (var breach in AmountBreaches(decision, allocations))
                {
                    yield return breach;
                }

                break;
        }

        foreach (var unknown in named.Where(item => !items.Contains(item)).Distinct(StringComparer.Ordinal))
        {
            yield return $"names '{unknown}', which is not an item of the poll";
        }

        foreach (var twice in named.GroupBy(item => item, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            yield return $"names '{twice.Key}' {twice.Count()} times";
        }
    }

    private static IEnumerable<string> AmountBreaches(AuditedDecision decision, IReadOnlyList<Allocation> allocations)
    {
        switch (decision.Method)
        {
            case "score" when decision.Parameters.TryGetValue("maxScore", out var maxScore):
                foreach (var allocation in allocations.Where(allocation => allocation.Amount < 0 || allocation.Amount > maxScore))
                {
                    yield return $"scores '{allocation.Item}' {allocation.Amount}, outside 0 to {maxScore}";
                }

                break;
            case "quadratic" when decision.Parameters.TryGetValue("creditBudget", out var budget):
                // Amounts are read as 64-bit integers; their squares are summed in 128 bits so that none can overflow.
                var cost = allocations.Aggregate(Int128.Zero, (sum, allocation) => sum + ((Int128)allocation.Amount * allocation.Amount));
                if (cost > budget)
                {
                    yield return $"votes cost {cost} credits, over the budget of {budget}";
                }

                break;
            case "dot" when decision.Parameters.TryGetValue("pointBudget", out var points):
                foreach (var allocation in allocations.Where(allocation => allocation.Amount < 0))
                {
                    yield return $"gives '{allocation.Item}' {allocation.Amount} points, below 0";
                }

                var total = allocations.Aggregate(Int128.Zero, (sum, allocation) => sum + allocation.Amount);
                if (total > points)
                {
                    yield return $"gives {total} points, over the budget of {points}";
                }

                break;
        }
    }
}
