namespace Governance.System.Tests.Feed;

/// <summary>The feed event an acknowledged command must produce, as <see cref="FeedEvent"/> describes it.</summary>
public sealed record ExpectedEvent(string Source, string Subject, string Type, string? Detail = null)
{
    public override string ToString() => Detail is null ? Type : $"{Type}({Detail})";
}
