using Governance.Api.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Governance.Api.Tests.Security;

/// <summary>
/// "token --sub ann --ttl 8h" prints a token living that long, at most a year. A lifetime that is not one, or is
/// longer, is refused with a message saying what is accepted and exit code 2, and nothing is printed.
/// </summary>
public sealed class TokenCommandTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Jwt:SigningKey"] = Tokens.SigningKeyBase64 })
        .Build();

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("8h", 8 * 3600)]
    [InlineData("365d", 365 * 86_400)]
    [InlineData("1.12:00:00", 36 * 3600)]
    public void A_lifetime_up_to_a_year_is_the_tokens_lifetime(string ttl, int seconds)
    {
        var (exitCode, output, error) = Run("--sub", "ann", "--ttl", ttl);

        Assert.Equal((0, ""), (exitCode, error));
        var token = new JsonWebToken(output.Trim());
        Assert.Equal("ann", token.Subject);
        Assert.Equal(TimeSpan.FromSeconds(seconds), token.ValidTo - token.IssuedAt);
    }

    [Theory]
    [InlineData("2920000d")]
    [InlineData("366d")]
    [InlineData("365.01d")]
    [InlineData("NaNd")]
    [InlineData("Infinityh")]
    [InlineData("-Infinitym")]
    [InlineData("1e308d")]
    [InlineData("-1h")]
    [InlineData("0s")]
    [InlineData("10675199.02:48:05")]
    [InlineData("366.00:00:00")]
    [InlineData("soon")]
    public void Any_other_lifetime_is_refused_with_exit_code_2_and_a_message_naming_the_limit(string ttl)
    {
        var (exitCode, output, error) = Run("--sub", "ann", "--ttl", ttl);

        Assert.Equal((2, ""), (exitCode, output));
        Assert.Contains($"--ttl must be a positive lifetime of at most 365 days, such as 30m, 8h or 7d; '{ttl}' is not.", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = TokenCommand.Run(args, Configuration, Path.GetTempPath(), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
