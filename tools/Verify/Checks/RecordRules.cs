using Governance.Verify.Records;

namespace Governance.Verify.Checks;

/// <summary>
/// What a record must hold together to be recounted as the server counted: the kind and the method agree, the
/// method has its parameter, members and items are listed once, only eligible members' delegations and ballots
/// appear, and every ballot marks what its method reads, within its rules. Each breach is one mismatch.
/// </summary>
public static class RecordRules
{
    public const string Group = "record";

    private static readonly Dictionary<string, string> ParameterOf = new(StringComparer.Ordinal)
    {
        ["score"] = "maxScore",
        ["quadratic"] = "creditBudget",
        ["dot"] = "pointBudget",
    };

    public static IReadOnlyList<Check> Breaches(AuditRecord record)
    {
        var breaches = new List<string>();
        var decision = record.Decision;
        var proposal = decision.Method == "majority";
        var expectedKind = proposal ? "proposal" : "poll";
        if (decision.Kind != expectedKind)
        {
            breaches.Add($"decision.kind: a {decision.Method} decision is a {expectedKind}, not a {decision.Kind}");
        }

        breaches.AddRange(ParameterBreaches(decision));
        if (!proposal && decision.Items.Count == 0)
        {
            breaches.Add("decision.items: a poll ranks at least one item");
        }

        breaches.AddRange(Twice(decision.Items.Select(item => item.Id), "decision.items", "item"));
        breaches.AddRange(Twice(record.Eligible, "eligible", "member"));
        breaches.AddRange(Twice(record.Ballots.Select(ballot => ballot.MemberId), "ballots", "ballot of"));

        var eligible = new HashSet<string>(record.Eligible, StringComparer.Ordinal);
        foreach (var (scope, layer) in record.Delegations)
        {
            breaches.AddRange(layer.Keys
                .Where(member => !eligible.Contains(member))
                .Select(member => $"delegations.{ScopeName(scope)}.{member}: not eligible, so no delegation of theirs was counted"));
        }

        foreach (var (ballot, index) in record.Ballots.Select((ballot, index) => (ballot, index)))
        {
            if (!eligible.Contains(ballot.MemberId))
            {
                breaches.Add($"ballots[{index}]: '{ballot.MemberId}' is not eligible, so their ballot was not accepted");
            }

            breaches.AddRange(BallotRules.Breaches(decision, ballot).Select(breach => $"ballots[{index}] ({ballot.MemberId}): {breach}"));
        }

        return [.. breaches.Select(breach => new Check(Group, breach, Outcome.Mismatched, "", ""))];
    }

    public static string ScopeName(Scope scope) => scope switch
    {
        Scope.Default => "default",
        Scope.Topic => "topic",
        _ => "decision",
    };

    private static IEnumerable<string> ParameterBreaches(AuditedDecision decision)
    {
        var expected = ParameterOf.GetValueOrDefault(decision.Method);
        foreach (var (name, value) in decision.Parameters)
        {
            if (name != expected)
            {
                yield return $"decision.parameters.{name}: the {decision.Method} method takes no such parameter";
            }
            else if (value < 1)
            {
                yield return $"decision.parameters.{name}: must be at least 1, is {value}";
            }
        }

        if (expected is not null && !decision.Parameters.ContainsKey(expected))
        {
            yield return $"decision.parameters: the {decision.Method} method needs {expected}";
        }
    }

    private static IEnumerable<string> Twice(IEnumerable<string> values, string path, string what) =>
        values.GroupBy(value => value, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => $"{path}: {what} '{group.Key}' is listed {group.Count()} times");
}
