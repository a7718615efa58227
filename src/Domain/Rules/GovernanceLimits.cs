namespace Governance.Domain.Rules;

/// <summary>Size limits that keep one cooperative from exhausting the system. Each is configurable (section "Limits").</summary>
public sealed record GovernanceLimits
{
    /// <summary>A century: deadlines stay thousands of years short of the last instant a clock or reminder can hold.</summary>
    public const int MaxDeadlineDaysCeiling = 36_500;

    public static GovernanceLimits Default { get; } = new();

    /// <summary>Ids are also storage keys and path segments, so they can be shortened but not made longer than 64.</summary>
    public int MaxIdLength { get; init; } = Identifiers.ResourceId.MaxLength;

    public int MaxNameLength { get; init; } = 200;

    public int MaxTitleLength { get; init; } = 200;

    public int MaxBodyLength { get; init; } = 20_000;

    public int MaxTopicsPerCooperative { get; init; } = 100;

    public int MaxActiveAppKeysPerCooperative { get; init; } = 20;

    /// <summary>A Schulze tally grows with the square of the items (and its paths with the cube), so polls stay bounded.</summary>
    public int MaxItemsPerPoll { get; init; } = 100;

    /// <summary>Skills a task may require, and skills a member may list.</summary>
    public int MaxSkills { get; init; } = 20;

    /// <summary>How far ahead a proposal or poll may close, or a task be due: ten years.</summary>
    public int MaxDeadlineDays { get; init; } = 3650;

    /// <summary>Events one read of a cooperative's feed returns at most.</summary>
    public int MaxFeedPageSize { get; init; } = 1_000;

    /// <summary>Webhook endpoints one cooperative may register.</summary>
    public int MaxWebhooksPerCooperative { get; init; } = 10;

    /// <summary>Rejects settings that would make the system unusable or exceed what storage accepts.</summary>
    public void Validate()
    {
        Require(MaxIdLength is >= 1 and <= Identifiers.ResourceId.MaxLength, nameof(MaxIdLength), $"1-{Identifiers.ResourceId.MaxLength}");
        Require(MaxNameLength >= 1, nameof(MaxNameLength), "at least 1");
        Require(MaxTitleLength >= 1, nameof(MaxTitleLength), "at least 1");
        Require(MaxBodyLength >= 0, nameof(MaxBodyLength), "at least 0");
        Require(MaxTopicsPerCooperative >= 0, nameof(MaxTopicsPerCooperative), "at least 0");
        Require(MaxActiveAppKeysPerCooperative >= 0, nameof(MaxActiveAppKeysPerCooperative), "at least 0");
        Require(MaxItemsPerPoll >= 1, nameof(MaxItemsPerPoll), "at least 1");
        Require(MaxSkills >= 0, nameof(MaxSkills), "at least 0");
        Require(MaxFeedPageSize >= 1, nameof(MaxFeedPageSize), "at least 1");
        Require(MaxWebhooksPerCooperative >= 0, nameof(MaxWebhooksPerCooperative), "at least 0");
        Require(MaxDeadlineDays is >= 1 and <= MaxDeadlineDaysCeiling, nameof(MaxDeadlineDays), $"1-{MaxDeadlineDaysCeiling}");
    }

    private static void Require(bool valid, string name, string range)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, $"Limits:{name} must be {range}.");
        }
    }
}
