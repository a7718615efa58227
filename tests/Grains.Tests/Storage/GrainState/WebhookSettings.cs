namespace Governance.Grains.Tests.Storage.GrainState;

/// <summary>Grain state shaped like a webhook endpoint's settings: text, a number and an enum.</summary>
public sealed record WebhookSettings
{
    public string Url { get; set; } = "";

    public int MaxAttempts { get; set; }

    public DeliveryMode Mode { get; set; }
}

public enum DeliveryMode
{
    Immediate,
    Batched,
}
