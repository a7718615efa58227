namespace Governance.Grains.Webhooks;

/// <summary>How webhooks are delivered. Configuration section "Webhooks"; checked at start by <see cref="WebhookOptionsValidator"/>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The Standard Webhooks example schedule, cut where the endpoint is disabled anyway: attempt 1 at once, then these waits.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
    [
        TimeSpan.Zero,
        TimeSpan.FromSeconds(5),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(5),
        TimeSpan.FromHours(10),
        TimeSpan.FromHours(10),
    ];

    /// <summary>
    /// Networks in CIDR form ("10.20.0.0/16", "fd00::/8", or a single address) that webhooks may reach although they are
    /// private, loopback or otherwise reserved. Listed networks may also be reached over plain http.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>How long an endpoint may fail every delivery before it is disabled.</summary>
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(5);

    /// <summary>How long one delivery attempt may take, from connecting to the response headers.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The wait before each attempt, the first entry for attempt 1; past its end the last wait repeats. Empty means
    /// <see cref="DefaultRetrySchedule"/>: the configuration binder appends to a list, so defaults cannot live in it.
    /// </summary>
    public List<TimeSpan> RetrySchedule { get; set; } = [];

    public IReadOnlyList<TimeSpan> EffectiveRetrySchedule() => RetrySchedule.Count > 0 ? RetrySchedule : DefaultRetrySchedule;
}
