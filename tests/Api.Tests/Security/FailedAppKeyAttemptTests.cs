namespace Governance.Api.Tests.Security;

/// <summary>
/// Made-up app keys cannot make the cluster work for free: past a few failed checks from one address, that address's
/// app keys are refused without asking any cooperative, while members with tokens are still served.
/// </summary>
public sealed class FailedAppKeyAttemptTests : IAsyncLifetime
{
    private const int AllowedFailures = 3;

    private readonly RateLimitedApi _limited = RateLimitedApi.WithFailedAppKeyAttemptsPerMinute(AllowedFailures);

    private GovernanceClient Api => _limited.Client;

    [Fact]
    public async Task After_too_many_failed_keys_even_a_valid_key_is_refused_unchecked_while_tokens_still_work()
    {
        var admin = Ids.New("admin");
        var cooperative = await Api.CreateCooperative(members: [admin]);
        var issued = await Expect.Status(await Api.As(admin).Post(Routes.Keys(cooperative), new { name = "App", scopes = new List<string> { "read" } }), HttpStatusCode.Created);
        var key = issued.GetProperty("key").GetString()!;
        var keyId = issued.GetProperty("id").GetString()!;
        await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));

        for (var attempt = 0; attempt < AllowedFailures; attempt++)
        {
            var madeUp = $"gk.{cooperative}.{keyId}.not-the-secret-{attempt}";
            await Expect.Problem(await Api.WithAppKey(madeUp).Get(Routes.Cooperative(cooperative)), HttpStatusCode.Unauthorized, "unauthenticated");
        }

        await Expect.Problem(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)), HttpStatusCode.Unauthorized, "unauthenticated");
        await Expect.Ok(await Api.As(admin).Get(Routes.Cooperative(cooperative)));
    }

    public Task InitializeAsync() => _limited.InitializeAsync();

    public Task DisposeAsync() => _limited.DisposeAsync();
}
