namespace Governance.Api.Hosting;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Items per page when a list request names no limit.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>The largest limit a list request may ask for.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long a live stream may stay silent before it sends a heartbeat comment.</summary>
    public TimeSpan StreamHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);
}
