using Governance.Api.Security;

namespace Governance.Api.Tests.Security;

/// <summary>A validated token is remembered only while it is still valid, and never longer than the cache's maximum age.</summary>
public sealed class ValidatedTokensTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void A_token_is_found_until_its_validity_ends_and_not_after()
    {
        var tokens = new ValidatedTokens(_clock);
        var ann = CallerClaims.ForMember("ann", "Bearer");
        tokens.Add("token-a", ann, _clock.GetUtcNow().AddMinutes(1));

        Assert.Same(ann, tokens.Find("token-a"));
        Assert.Null(tokens.Find("token-b"));

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(tokens.Find("token-a"));
    }

    [Fact]
    public void A_long_lived_token_is_validated_again_after_the_maximum_age()
    {
        var tokens = new ValidatedTokens(_clock);
        tokens.Add("token-a", CallerClaims.ForMember("ann", "Bearer"), _clock.GetUtcNow().AddDays(7));

        _clock.Advance(ValidatedTokens.MaxAge - TimeSpan.FromSeconds(1));
        Assert.NotNull(tokens.Find("token-a"));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(tokens.Find("token-a"));
    }

    [Fact]
    public void The_cache_starts_over_past_its_capacity_and_a_token_added_again_counts_once()
    {
        var tokens = new ValidatedTokens(_clock);
        var ann = CallerClaims.ForMember("ann", "Bearer");
        var validUntil = _clock.GetUtcNow().AddMinutes(1);
        for (var i = 0; i < ValidatedTokens.Capacity - 1; i++)
        {
            tokens.Add($"token-{i}", ann, validUntil);
        }

        tokens.Add("token-0", ann, validUntil);
        tokens.Add("token-last", ann, validUntil);
        Assert.NotNull(tokens.Find("token-0"));
        Assert.NotNull(tokens.Find("token-last"));

        tokens.Add("token-over", ann, validUntil);
        Assert.Null(tokens.Find("token-0"));
        Assert.NotNull(tokens.Find("token-over"));
    }

    [Fact]
    public void An_expired_token_leaves_room_for_another()
    {
        var tokens = new ValidatedTokens(_clock);
        var ann = CallerClaims.ForMember("ann", "Bearer");
        tokens.Add("token-short", ann, _clock.GetUtcNow().AddSeconds(1));
        for (var i = 0; i < ValidatedTokens.Capacity - 1; i++)
        {
            tokens.Add($"token-{i}", ann, _clock.GetUtcNow().AddMinutes(1));
        }

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(tokens.Find("token-short"));
        tokens.Add("token-last", ann, _clock.GetUtcNow().AddMinutes(1));
        Assert.NotNull(tokens.Find("token-0"));
        Assert.NotNull(tokens.Find("token-last"));
    }
}
