using System.Text.Json.Nodes;
using Governance.Verify.Canonical;
using Governance.Verify.Chains;
using Governance.Verify.Checks;
using Governance.Verify.Records;

namespace Governance.Api.Tests.Audit;

/// <summary>
/// For random closed proposals and polls of every method (<see cref="RandomDecision"/>), the verifier recounts the
/// result and the digest from the audit record alone and agrees with the API; one changed ballot, delegation or
/// eligible id makes it fail, by the digest, and, when the digest is forged to match, by the recount.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuditPropertyTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Seeds per method: together they reach every case the coverage check below names.</summary>
    private const int Seeds = 8;

    public static TheoryData<string> Methods => [.. RandomDecision.Methods];

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task The_verifier_reproduces_every_random_closed_decision_and_catches_any_change_to_its_record(string method)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var played = await new RandomDecision(Api, new Random((1000 * Array.IndexOf(RandomDecision.Methods, method)) + seed), method).Play();
            var record = RecordReader.Read(played.Record);
            var verification = Verification.Of(record);
            Assert.True(verification.Verified, $"{method} seed {seed}:\n{string.Join("\n", verification.Checks.Where(check => check.Outcome != Outcome.Matched))}\n{played.Record}");
            Assert.Equal(CanonicalJson.Of(played.CountedResult), CanonicalJson.Of(record.Result));
            Assert.DoesNotContain(verification.Checks, check => check.Outcome == Outcome.NotChecked);

            CatchesEveryChange(played.Record, verification.Chains);
            seen.UnionWith(played.Happened);
            seen.UnionWith(Cases(record, verification.Chains));
        }

        Assert.Equal(ExpectedCases.Order(StringComparer.Ordinal), seen.Intersect(ExpectedCases).Order(StringComparer.Ordinal));
    }

    private static readonly string[] ExpectedCases =
    [
        "none at default", "none at topic", "none at decision", "delegation at default", "delegation at topic", "delegation at decision",
        "carried along a chain", "lost in a loop", "lost without a direct voter", "lost through someone not eligible",
        "direct vote over own delegation", RandomDecision.Withdrawal, RandomDecision.Replacement, RandomDecision.LeftWhileVoting,
        RandomDecision.RejoinedAfterLeavingWhileVoting, RandomDecision.JoinedAfterOpening, RandomDecision.ChangedWhileVoting,
    ];

    private static void CatchesEveryChange(string original, IReadOnlyList<Chain> chains)
    {
        var carried = chains.First(chain => chain.CarriedBy is not null && chain.Hops.Count > 0).MemberId;
        (string Name, Func<JsonObject, JsonObject> Change, string? Caught)[] changes =
        [
            ("ballot", RecordMutations.ChangeOneBallot, null),
            ("delegation", RecordMutations.ChangeOneDelegation, null),
            ("eligible id", RecordMutations.ReplaceOneEligibleId, null),
            ("ballot, resealed", record => RecordMutations.Resealed(RecordMutations.ChangeOneBallot(record)), "result."),
            ("delegation, resealed", record => RecordMutations.Resealed(RecordMutations.BlockACarriedMember(record, carried)), "result.participation"),
            ("eligible id, resealed", record => RecordMutations.Resealed(RecordMutations.DropOneEligibleId(record)), "result.eligible"),
        ];
        foreach (var (name, change, caught) in changes)
        {
            var changed = change(RecordMutations.Parse(original)).ToJsonString();
            var checks = Verification.Of(RecordReader.Read(changed)).Checks;
            var failed = checks.Where(check => check.Outcome == Outcome.Mismatched).Select(check => check.Group).ToList();
            Assert.True(
                caught is null ? failed.Contains("digest") : !failed.Contains("digest") && failed.Any(group => group.StartsWith(caught, StringComparison.Ordinal)),
                $"A changed {name} was not caught{(caught is null ? " by the digest" : $" in {caught}")}; failed: [{string.Join(", ", failed)}]\n{changed}");
        }
    }

    /// <summary>The cases of the liquid rules a record shows, so that the seeds can be shown to reach them all.</summary>
    private static IEnumerable<string> Cases(AuditRecord record, IReadOnlyList<Chain> chains)
    {
        foreach (var (scope, layer) in record.Delegations)
        {
            var name = RecordRules.ScopeName(scope);
            if (layer.Values.Any(to => to is null))
            {
                yield return $"none at {name}";
            }

            if (layer.Values.Any(to => to is not null))
            {
                yield return $"delegation at {name}";
            }
        }

        if (chains.Any(chain => chain.CarriedBy is not null && chain.Hops.Count > 0))
        {
            yield return "carried along a chain";
        }

        foreach (var (loss, name) in new[] { (Loss.Loop, "lost in a loop"), (Loss.NoDirectVoter, "lost without a direct voter"), (Loss.NotEligible, "lost through someone not eligible") })
        {
            if (chains.Any(chain => chain.Lost == loss))
            {
                yield return name;
            }
        }

        if (record.Ballots.Any(ballot => record.Delegations.Values.Any(layer => layer.TryGetValue(ballot.MemberId, out var to) && to is not null)))
        {
            yield return "direct vote over own delegation";
        }
    }
}
