namespace Governance.Domain.Decisions;

/// <summary>
/// The cooperative's default and topic delegation layers as they stood when voting closed, kept with the result so
/// that anyone can trace, long after, whose ballot carried each member's weight in the tally that was frozen.
/// </summary>
public sealed record ClosingLayers(int[] DefaultLayer, int[]? TopicLayer);
