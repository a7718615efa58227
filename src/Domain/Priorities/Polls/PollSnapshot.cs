namespace Governance.Domain.Priorities.Polls;

/// <summary>A poll's whole state at one log version; <paramref name="Left"/> is absent from snapshots written before it was kept.</summary>
public sealed record PollSnapshot(
    long Version,
    PollCreated Created,
    PollOpened? Opened,
    PollClosed? Closing,
    IReadOnlyList<PollBallot> Ballots,
    IReadOnlyDictionary<string, string?> Delegations,
    IReadOnlyList<string>? Left = null);
