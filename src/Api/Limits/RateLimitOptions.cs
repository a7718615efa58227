namespace Governance.Api.Limits;

/// <summary>
/// Per-identity rate limit (section "RateLimit"): a token bucket per member, per app key, and per client address
/// for anonymous requests. A caller may burst up to <see cref="Burst"/> requests, then <see cref="PerSecond"/>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    public bool Enabled { get; set; } = true;

    public int Burst { get; set; } = 100;

    public int PerSecond { get; set; } = 20;

    /// <summary>Failed checks one app key id may have per minute; beyond them its keys are answered 429 unchecked, but for keys already accepted.</summary>
    public int FailedAppKeyAttemptsPerMinute { get; set; } = 30;
}
