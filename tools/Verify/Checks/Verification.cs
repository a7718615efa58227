using Governance.Verify.Canonical;
using Governance.Verify.Chains;
using Governance.Verify.Counting;
using Governance.Verify.Records;

namespace Governance.Verify.Checks;

/// <summary>
/// Everything the verifier checks in one record: the digest, that the record holds together (<see cref="RecordRules"/>),
/// and that every counted field of the result is what the ballots and delegations give (<see cref="ExpectedResult"/>).
/// </summary>
public sealed record Verification(AuditRecord Record, IReadOnlyList<Chain> Chains, IReadOnlyList<Check> Checks)
{
    public bool Verified => Checks.All(check => check.Outcome != Outcome.Mismatched);

    public static Verification Of(AuditRecord record)
    {
        var digest = RecordDigest.Of(record.Json);
        var breaches = RecordRules.Breaches(record);
        var chains = ChainFollower.FollowAll(record);
        List<Check> checks =
        [
            new("digest", "digest", digest == record.Digest ? Outcome.Matched : Outcome.Mismatched, digest, record.Digest),
            .. breaches.Count > 0 ? breaches : [new Check(RecordRules.Group, RecordRules.Group, Outcome.Matched, "", "")],
            .. Comparison.Fields("result", ExpectedResult.Of(record, chains), record.Result),
        ];
        return new Verification(record, chains, checks);
    }
}
