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

    /// <summary>Failed app key checks one client address may cause per minute before its app keys are refused unchecked.</summary>
    public int FailedAppKeyAttemptsPerMinute { get; set; } = 30;
}
