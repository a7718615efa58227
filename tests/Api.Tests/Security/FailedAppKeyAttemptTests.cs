namespace Governance.Api.Tests.Security;

/// <summary>
/// Made-up app keys cannot make the cluster work for free, and cannot lock anyone else out. A key refused once is
/// refused again from memory; past a few failed checks of one key id, that id is answered 429 with Retry-After
/// without asking its cooperative, unless the key is one already accepted. Failures are never counted per client
/// address, so every app behind one NAT or ingress is judged by its own key alone.
/// </summary>
public sealed class FailedAppKeyAttemptTests(AppKeyAttemptApi limited) : IClassFixture<AppKeyAttemptApi>
{
    private const int AllowedFailures = AppKeyAttemptApi.AllowedFailures;

    private GovernanceClient Api => limited.Client;

    private AppKeyChecks Checks => limited.Checks;

    [Fact]
    public async Task Failed_keys_from_one_address_never_lock_out_the_valid_keys_of_other_cooperatives()
    {
        var (attacked, attackedKey) = await CooperativeWithKey();
        var (second, secondKey) = await CooperativeWithKey();
        var (third, thirdKey) = await CooperativeWithKey();
        var (keyId, secret) = Parts(attackedKey);

        for (var attempt = 0; attempt < 12; attempt++)
        {
            var response = await Api.WithAppKey($"gk.{attacked}.{keyId}.not-the-secret-{attempt}").Get(Routes.Cooperative(attacked));
            await (attempt < AllowedFailures ? Refused(response) : AttemptsExceeded(response));
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            await Refused(await Api.WithAppKey($"gk.{attacked}.{attempt:x16}.{secret}").Get(Routes.Cooperative(attacked)));
            await Refused(await Api.WithAppKey($"gk.{Ids.New("nowhere")}.{keyId}.{secret}").Get(Routes.Cooperative(attacked)));
        }

        await Expect.Ok(await Api.WithAppKey(secondKey).Get(Routes.Cooperative(second)));
        await Expect.Ok(await Api.WithAppKey(thirdKey).Get(Routes.Cooperative(third)));
    }

    [Fact]
    public async Task Past_its_budget_a_key_id_is_a_429_with_retry_after_unchecked_while_a_key_already_accepted_still_works()
    {
        var (cooperative, key) = await CooperativeWithKey();
        var (keyId, _) = Parts(key);
        var other = await Issue(cooperative);
        await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));

        for (var attempt = 0; attempt < AllowedFailures; attempt++)
        {
            await Refused(await Api.WithAppKey($"gk.{cooperative}.{keyId}.not-the-secret-{attempt}").Get(Routes.Cooperative(cooperative)));
        }

        var checks = Checks.Of(cooperative);
        for (var attempt = AllowedFailures; attempt < 2 * AllowedFailures; attempt++)
        {
            await AttemptsExceeded(await Api.WithAppKey($"gk.{cooperative}.{keyId}.not-the-secret-{attempt}").Get(Routes.Cooperative(cooperative)));
        }

        Assert.Equal(checks, Checks.Of(cooperative));
        await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Members(cooperative)));
        await Expect.Ok(await Api.WithAppKey(other).Get(Routes.Members(cooperative)));
        Assert.Equal(checks + 2, Checks.Of(cooperative));
    }

    [Fact]
    public async Task A_key_refused_once_is_refused_again_without_asking_its_cooperative()
    {
        var (cooperative, key) = await CooperativeWithKey();
        var (keyId, _) = Parts(key);
        var wrong = $"gk.{cooperative}.{keyId}.not-the-secret";
        var unknown = $"gk.{Ids.New("nowhere")}.{keyId}.not-the-secret";

        for (var attempt = 0; attempt < 2 * AllowedFailures; attempt++)
        {
            await Refused(await Api.WithAppKey(wrong).Get(Routes.Cooperative(cooperative)));
            await Refused(await Api.WithAppKey(unknown).Get(Routes.Cooperative(cooperative)));
        }

        Assert.Equal(1, Checks.Of(cooperative));
        Assert.Equal(1, Checks.Of(unknown.Split('.')[1]));
        await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));
    }

    [Fact]
    public async Task A_key_already_accepted_is_still_checked_so_revoking_it_takes_effect_at_once_even_past_the_budget()
    {
        var (cooperative, key) = await CooperativeWithKey();
        var (keyId, _) = Parts(key);
        await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));
        for (var attempt = 0; attempt < AllowedFailures; attempt++)
        {
            await Refused(await Api.WithAppKey($"gk.{cooperative}.{keyId}.not-the-secret-{attempt}").Get(Routes.Cooperative(cooperative)));
        }

        await Expect.NoContent(await Api.As(Api.FounderOf(cooperative)).Delete(Routes.Key(cooperative, keyId)));

        await Refused(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));
        await Refused(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));
    }

    [Fact]
    public async Task Members_with_tokens_are_served_while_a_key_id_is_past_its_budget()
    {
        var (cooperative, key) = await CooperativeWithKey();
        var (keyId, _) = Parts(key);
        for (var attempt = 0; attempt <= AllowedFailures; attempt++)
        {
            await Api.WithAppKey($"gk.{cooperative}.{keyId}.not-the-secret-{attempt}").Get(Routes.Cooperative(cooperative));
        }

        await Expect.Ok(await Api.As(Api.FounderOf(cooperative)).Get(Routes.Cooperative(cooperative)));
    }

    private async Task<(string Cooperative, string Key)> CooperativeWithKey()
    {
        var cooperative = await Api.CreateCooperative(members: [Ids.New("admin")]);
        return (cooperative, await Issue(cooperative));
    }

    private async Task<string> Issue(string cooperative)
    {
        var issued = await Expect.Status(
            await Api.As(Api.FounderOf(cooperative)).Post(Routes.Keys(cooperative), new { name = "App", scopes = new List<string> { "read" } }),
            HttpStatusCode.Created);
        return issued.GetProperty("key").GetString()!;
    }

    private static (string KeyId, string Secret) Parts(string key)
    {
        var parts = key.Split('.');
        return (parts[^2], parts[^1]);
    }

    private static async Task Refused(HttpResponseMessage response)
    {
        await Expect.Problem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.False(response.Headers.Contains("Retry-After"), "A refused key is an answer, not a limit: it carries no Retry-After.");
    }

    /// <summary>Three checks a minute come back one every 20 seconds: that is the wait named.</summary>
    private static async Task AttemptsExceeded(HttpResponseMessage response)
    {
        await Expect.Problem(response, HttpStatusCode.TooManyRequests, "app-key-attempts-exceeded");
        Assert.Equal(["20"], response.Headers.GetValues("Retry-After"));
    }
}
