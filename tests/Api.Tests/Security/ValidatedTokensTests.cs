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
}
