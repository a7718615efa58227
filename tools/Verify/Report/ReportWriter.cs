using Governance.Verify.Chains;
using Governance.Verify.Checks;
using Governance.Verify.Records;

namespace Governance.Verify.Report;

/// <summary>
/// The report a person reads: what the record is, how its chains resolved, and each group of checks, one line when
/// all of it matched and one line per value that did not, with the value recounted and the value the record holds.
/// </summary>
public static class ReportWriter
{
    public static void Write(Verification verification, TextWriter output, bool everyChain)
    {
        var record = verification.Record;
        var decision = record.Decision;
        output.WriteLine($"Audit record of {decision.Kind} '{decision.Id}' in cooperative '{decision.CooperativeId}'");
        var rule = decision.Method == "majority"
            ? $", quorum {decision.Quorum}, threshold {decision.Threshold}"
            : string.Concat(decision.Parameters.Select(parameter => $", {parameter.Key} {parameter.Value}")) + $", {decision.Items.Count} items";
        output.WriteLine($"  method {decision.Method}, topic {decision.Topic ?? "(none)"}{rule}");
        var layers = string.Join(", ", record.Delegations.OrderByDescending(layer => layer.Key).Select(layer => $"{layer.Value.Count} {RecordRules.ScopeName(layer.Key)}"));
        output.WriteLine($"  eligible: {record.Eligible.Count}, ballots: {record.Ballots.Count}, delegations: {layers}");
        output.WriteLine();

        WriteChains(verification.Chains, output, everyChain);
        output.WriteLine();

        output.WriteLine("Checks (expected: recounted from the record; found: in the record)");
        foreach (var group in verification.Checks.GroupBy(check => check.Group))
        {
            WriteGroup(group.Key, [.. group], output);
        }

        output.WriteLine();
        var mismatches = verification.Checks.Count(check => check.Outcome == Outcome.Mismatched);
        output.WriteLine(mismatches == 0
            ? "VERIFIED: the digest matches and the result is what the record's ballots and delegations give."
            : $"MISMATCH: {mismatches} check{(mismatches == 1 ? "" : "s")} failed.");
    }

    private static void WriteChains(IReadOnlyList<Chain> chains, TextWriter output, bool everyChain)
    {
        int Lost(Loss loss) => chains.Count(chain => chain.Lost == loss);
        output.WriteLine($"Chains: {chains.Count(chain => chain.CarriedBy is not null)} counted, {chains.Count(chain => chain.Lost is not null)} lost " +
            $"({Lost(Loss.NoDirectVoter)} without a direct voter, {Lost(Loss.Loop)} in a loop, {Lost(Loss.NotEligible)} through someone not eligible)");
        if (!everyChain)
        {
            return;
        }

        foreach (var chain in chains)
        {
            var path = string.Concat(chain.Hops.Select(hop => $" -> {hop.To} ({RecordRules.ScopeName(hop.Scope)})"));
            var end = chain.CarriedBy is { } voter ? $"carried by {voter}" : $"lost: {Describe(chain.Lost!.Value)}";
            output.WriteLine($"  {chain.MemberId}{path}: {end}");
        }
    }

    private static void WriteGroup(string group, IReadOnlyList<Check> checks, TextWriter output)
    {
        var failed = checks.Where(check => check.Outcome == Outcome.Mismatched).ToList();
        if (failed.Count == 0)
        {
            var matched = checks.Where(check => check.Outcome == Outcome.Matched).ToList();
            var shown = group == RecordRules.Group ? "consistent: members, items and ballots as the rules allow"
                : matched.Count == 1 ? matched[0].Found
                : $"{matched.Count} values";
            output.WriteLine($"  ok     {group,-22} {shown}");
        }

        foreach (var check in failed)
        {
            output.WriteLine(group == RecordRules.Group
                ? $"  FAIL   {check.Path}"
                : $"  FAIL   {check.Path,-22} expected {check.Expected}, found {check.Found}");
        }

        foreach (var check in checks.Where(check => check.Outcome == Outcome.NotChecked))
        {
            output.WriteLine($"  note   {check.Path,-22} not a field the verifier knows; not checked");
        }
    }

    private static string Describe(Loss loss) => loss switch
    {
        Loss.NoDirectVoter => "the chain ends without a direct voter",
        Loss.Loop => "the chain loops",
        _ => "the chain reaches someone not eligible",
    };
}
