namespace Governance.StreamSubscribers;

/// <summary>One acknowledged vote's Stopwatch timestamps: when it was due, sent and acknowledged.</summary>
internal readonly record struct Vote(long Due, long Sent, long Acknowledged);
