namespace Governance.Verify.Checks;

public enum Outcome
{
    Matched,
    Mismatched,

    /// <summary>A part of the record the verifier does not know, so it neither confirms nor disputes it.</summary>
    NotChecked,
}

/// <summary>
/// One value compared: what the verifier computed from the record (<see cref="Expected"/>) and what the record holds
/// (<see cref="Found"/>), both as canonical JSON. <see cref="Group"/> is the part of the record it belongs to, such as
/// "digest" or "result.counts", which the report shows as one line when all of it matched.
/// </summary>
public sealed record Check(string Group, string Path, Outcome Outcome, string Expected, string Found);
