using Governance.Domain.Rules;

namespace Governance.Domain.Priorities.Polls;

/// <summary>
/// Connects poll ballots to the counting methods: which part of a ballot each method reads, its rules, and the
/// weighted tally. Violations name the ballot field the member wrote ("ranking", "approved" or "allocations").
/// </summary>
internal static class PollBallotRules
{
    public static void Validate(PollMethod method, int parameter, PriorityPoll items, BallotMarks marks)
    {
        var field = FieldOf(method);
        (string Field, bool Given)[] parts =
            [("ranking", marks.Ranking is not null), ("approved", marks.Approved is not null), ("allocations", marks.Allocations is not null)];
        if (parts.Any(part => part.Given != (part.Field == field)))
        {
            throw RuleViolationException.Invalid(
                "wrong-ballot-method",
                $"A ballot in a {method.ToString().ToLowerInvariant()} poll is {{\"{field}\": ...}} and nothing else.",
                field);
        }

        NamingField(field, () =>
        {
            RequireNoMissingEntries(marks, field);
            switch (method)
            {
                case PollMethod.Schulze: SchulzeMethod.Validate(items, new RankedBallot(marks.Ranking!)); break;
                case PollMethod.Borda: BordaMethod.Validate(items, new RankedBallot(marks.Ranking!)); break;
                case PollMethod.Approval: ApprovalMethod.Validate(items, new ApprovalBallot(marks.Approved!)); break;
                case PollMethod.Score: ScoreMethod.Validate(items, parameter, new AllocationBallot(marks.Allocations!)); break;
                case PollMethod.Quadratic: QuadraticMethod.Validate(items, parameter, new AllocationBallot(marks.Allocations!)); break;
                case PollMethod.Dot: DotMethod.Validate(items, parameter, new AllocationBallot(marks.Allocations!)); break;
            }
        });
    }

    /// <summary>The method's tally with each ballot weighted by <paramref name="weights"/>; listing order breaks ties in presentation only.</summary>
    public static PollResult Tally(
        PollMethod method,
        int parameter,
        PriorityPoll items,
        IEnumerable<PollBallot> ballots,
        IReadOnlyDictionary<string, int> weights,
        int eligible)
    {
        var counted = ballots.Select(ballot => (ballot.Marks, Weight: weights[ballot.MemberId])).ToList();
        var participation = counted.Sum(ballot => ballot.Weight);
        IEnumerable<RankedBallot> Ranked() => counted.Select(ballot => new RankedBallot(ballot.Marks.Ranking!, ballot.Weight));
        IEnumerable<AllocationBallot> Allocated() => counted.Select(ballot => new AllocationBallot(ballot.Marks.Allocations!, ballot.Weight));
        if (method == PollMethod.Schulze)
        {
            var schulze = SchulzeMethod.Tally(items, Ranked());
            return new PollResult(schulze.Ranking, schulze, eligible, participation);
        }

        var ranking = method switch
        {
            PollMethod.Borda => BordaMethod.Tally(items, Ranked()),
            PollMethod.Approval => ApprovalMethod.Tally(items, counted.Select(ballot => new ApprovalBallot(ballot.Marks.Approved!, ballot.Weight))),
            PollMethod.Score => ScoreMethod.Tally(items, parameter, Allocated()),
            PollMethod.Quadratic => QuadraticMethod.Tally(items, parameter, Allocated()),
            PollMethod.Dot => DotMethod.Tally(items, parameter, Allocated()),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
        return new PollResult(ranking, null, eligible, participation);
    }

    public static string FieldOf(PollMethod method) => method switch
    {
        PollMethod.Schulze or PollMethod.Borda => "ranking",
        PollMethod.Approval => "approved",
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
