namespace Governance.Api.Streams;

/// <summary>The limits on live streams, in the "Limits" section beside the governance limits.</summary>
public sealed class StreamLimitOptions
{
    /// <summary>Streams one member or app key may hold open at once on one API process; one more gets 429.</summary>
    public int MaxStreamsPerIdentity { get; set; } = 20;
}
