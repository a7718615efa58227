using Governance.Domain.Priorities;
using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// Connects ballots to the counting methods: which part of a ballot each method reads, its rules, and how weighted
/// ballots become a ranking. Violations name the ballot field the member wrote ("choice", "ranking", "approved" or
/// "allocations").
/// </summary>
internal static class CountingRules
{
    public static void Validate(CountingMethod method, int parameter, PriorityPoll? items, BallotMarks marks)
    {
        var field = FieldOf(method);
        (string Field, bool Given)[] parts =
        [
            ("choice", marks.Choice is not null), ("ranking", marks.Ranking is not null),
            ("approved", marks.Approved is not null), ("allocations", marks.Allocations is not null),
        ];
        if (parts.Any(part => part.Given != (part.Field == field)))
        {
            throw RuleViolationException.Invalid(
                "wrong-ballot-method",
                $"A ballot in a {method.ToString().ToLowerInvariant()} {DecisionKind.Of(method).Noun} is {{\"{field}\": ...}} and nothing else.",
                field);
        }

        if (method == CountingMethod.Majority)
        {
            return;
        }

        NamingField(field, () =>
        {
            RequireNoMissingEntries(marks, field);
            switch (method)
            {
                case CountingMethod.Schulze: SchulzeMethod.Validate(items!, new RankedBallot(marks.Ranking!)); break;
                case CountingMethod.Borda: BordaMethod.Validate(items!, new RankedBallot(marks.Ranking!)); break;
                case CountingMethod.Approval: ApprovalMethod.Validate(items!, new ApprovalBallot(marks.Approved!)); break;
                case CountingMethod.Score: ScoreMethod.Validate(items!, parameter, new AllocationBallot(marks.Allocations!)); break;
                case CountingMethod.Quadratic: QuadraticMethod.Validate(items!, parameter, new AllocationBallot(marks.Allocations!)); break;
                case CountingMethod.Dot: DotMethod.Validate(items!, parameter, new AllocationBallot(marks.Allocations!)); break;
            }
        });
    }

    /// <summary>A ranking method's tally with each ballot weighted by <paramref name="weights"/>; listing order breaks ties in presentation only.</summary>
    public static RankingResult Rank(
        CountingMethod method,
        int parameter,
        PriorityPoll items,
        IEnumerable<DecisionBallot> ballots,
        IReadOnlyDictionary<string, int> weights,
        int eligible)
    {
        var counted = ballots.Select(ballot => (ballot.Marks, Weight: weights[ballot.MemberId])).ToList();
        var participation = counted.Sum(ballot => ballot.Weight);
        IEnumerable<RankedBallot> Ranked() => counted.Select(ballot => new RankedBallot(ballot.Marks.Ranking!, ballot.Weight));
        IEnumerable<AllocationBallot> Allocated() => counted.Select(ballot => new AllocationBallot(ballot.Marks.Allocations!, ballot.Weight));
        if (method == CountingMethod.Schulze)
        {
            var schulze = SchulzeMethod.Tally(items, Ranked());
            return new RankingResult(schulze.Ranking, schulze, eligible, participation);
        }

        var ranking = method switch
        {
            CountingMethod.Borda => BordaMethod.Tally(items, Ranked()),
            CountingMethod.Approval => ApprovalMethod.Tally(items, counted.Select(ballot => new ApprovalBallot(ballot.Marks.Approved!, ballot.Weight))),
            CountingMethod.Score => ScoreMethod.Tally(items, parameter, Allocated()),
            CountingMethod.Quadratic => QuadraticMethod.Tally(items, parameter, Allocated()),
            CountingMethod.Dot => DotMethod.Tally(items, parameter, Allocated()),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
        return new RankingResult(ranking, null, eligible, participation);
    }

    /// <summary>The majority result over counts; the outcome is given only once the decision has closed.</summary>
    public static MajorityResult Majority(DecisionRule rule, TallyCounts counts, bool counting, Outcome? outcome) =>
        new(counts, counting && rule.QuorumReached(counts), outcome);

    public static string FieldOf(CountingMethod method) => method switch
    {
        CountingMethod.Majority => "choice",
        CountingMethod.Schulze or CountingMethod.Borda => "ranking",
        CountingMethod.Approval => "approved",
        _ => "allocations",
    };

    /// <summary>JSON allows null inside the lists; a null names no item of the poll.</summary>
    private static void RequireNoMissingEntries(BallotMarks marks, string field)
    {
        if (marks.Ranking?.Any(rank => rank is null) == true)
        {
            throw RuleViolationException.Invalid("empty-rank", "A rank lists no items.", field);
        }

        IEnumerable<string?> items = [
            .. marks.Ranking?.SelectMany(rank => rank) ?? [],
            .. marks.Approved ?? [],
            .. marks.Allocations?.Select(allocation => allocation?.Item) ?? []];
        if (items.Any(item => item is null))
        {
            throw RuleViolationException.Invalid("unknown-item", "Every entry must name an item of the poll.", field);
        }
    }

    /// <summary>The methods name their own fields; a member reads the one they wrote.</summary>
    private static void NamingField(string field, Action validate)
    {
        try
        {
            validate();
        }
        catch (RuleViolationException violation) when (violation.Kind == RuleViolationKind.Invalid && violation.Field != field)
        {
            throw RuleViolationException.Invalid(violation.Code, violation.Message, field);
        }
    }
}
