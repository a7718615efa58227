namespace Governance.Api.Tests.Security;

/// <summary>
/// App keys: issued by admins and shown once, read only their own cooperative, and stop working when revoked. A key
/// is checked against the cooperative it names, so a wrong secret, a revoked key or a key presented under another
/// cooperative's name is a 401, and a good key used on another cooperative is a 404.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AppKeyTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] Read = ["read"];

    private static readonly string[] IssuedFields = ["id", "name", "scopes", "issuedAt", "issuedBy", "key"];

    private static readonly string[] ListedFields = ["id", "name", "scopes", "issuedAt", "issuedBy", "revokedAt"];

    [Fact]
    public async Task Issuing_returns_201_with_its_location_and_the_key_shown_once()
    {
        var (cooperative, admin) = await NewCooperative();
        var before = DateTimeOffset.UtcNow;

        var response = await Api.As(admin).Post(Routes.Keys(cooperative), new { name = "Dashboard", scopes = Read });

        var issued = await Expect.Status(response, HttpStatusCode.Created);
        var id = issued.GetProperty("id").GetString()!;
        Assert.Equal(Routes.Key(cooperative, id), response.Headers.Location?.OriginalString);
        Expect.Fields(issued, IssuedFields);
        Assert.Equal("Dashboard", issued.GetProperty("name").GetString());
        Assert.Equal(Read, Expect.Strings(issued.GetProperty("scopes")));
        Assert.Equal(admin, issued.GetProperty("issuedBy").GetString());
        Assert.InRange(Expect.Instant(issued, "issuedAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var key = issued.GetProperty("key").GetString()!;
        var prefix = $"gk.{cooperative}.{id}.";
        Assert.StartsWith(prefix, key, StringComparison.Ordinal);
        var secret = key[prefix.Length..];
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);

        var located = await Expect.Ok(await Api.As(admin).Get(response.Headers.Location!.OriginalString));
        Expect.Fields(located, ListedFields);
        Assert.Equal(id, located.GetProperty("id").GetString());
        await Expect.Problem(await Api.As(admin).Get(Routes.Key(cooperative, "unknown")), HttpStatusCode.NotFound, "app-key-not-found");

        var listing = await Api.As(admin).Get(Routes.Keys(cooperative));
        var listed = await Expect.Ok(listing);
        var entry = Assert.Single(listed.EnumerateArray());
        Expect.Fields(entry, ListedFields);
        Assert.Equal(
            (id, "Dashboard", admin, JsonValueKind.Null),
            (entry.GetProperty("id").GetString(), entry.GetProperty("name").GetString(), entry.GetProperty("issuedBy").GetString(), entry.GetProperty("revokedAt").ValueKind));
        Assert.Equal(Read, Expect.Strings(entry.GetProperty("scopes")));
        Assert.Equal(issued.GetProperty("issuedAt").GetRawText(), entry.GetProperty("issuedAt").GetRawText());
        foreach (var hidden in new[] { "key", "secret", "secretHash" })
        {
            Assert.False(entry.TryGetProperty(hidden, out _), $"The listing shows '{hidden}'.");
        }

        var raw = await listing.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))), raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_reads_every_reader_route_of_its_cooperative()
    {
        var (cooperative, admin) = await NewCooperative();
        await Api.AddMembers(cooperative, "ann");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        var app = Api.WithAppKey(await Issue(cooperative, admin));

        foreach (var path in new[]
        {
            Routes.Cooperative(cooperative), Routes.Members(cooperative), Routes.Member(cooperative, "ann"), Routes.Delegations(cooperative, "ann"),
            Routes.Proposals(cooperative), Routes.Proposal(cooperative, proposal), Routes.Tally(cooperative, proposal),
            Routes.Votes(cooperative, proposal), Routes.Trace(cooperative, proposal, "ann"),
        })
        {
            var asApp = await Expect.Ok(await app.Get(path));
            Assert.Equal((await Expect.Ok(await Api.As(admin).Get(path))).GetRawText(), asApp.GetRawText());
        }
    }

    [Fact]
    public async Task A_revoked_key_is_a_401_and_revoking_again_is_idempotent()
    {
        var (cooperative, admin) = await NewCooperative();
        var key = await Issue(cooperative, admin);
        var keyId = key.Split('.')[^2];
        await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));

        await Expect.NoContent(await Api.As(admin).Delete(Routes.Key(cooperative, keyId)));

        await AppKeyRefused(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));
        var listed = Assert.Single((await Expect.Ok(await Api.As(admin).Get(Routes.Keys(cooperative)))).EnumerateArray());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
        var revokedAt = listed.GetProperty("revokedAt").GetRawText();

        await Expect.NoContent(await Api.As(admin).Delete(Routes.Key(cooperative, keyId)));

        listed = Assert.Single((await Expect.Ok(await Api.As(admin).Get(Routes.Keys(cooperative)))).EnumerateArray());
        Assert.Equal(revokedAt, listed.GetProperty("revokedAt").GetRawText());
        await AppKeyRefused(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));
    }

    [Fact]
    public async Task Revoking_one_key_leaves_the_others_working()
    {
        var (cooperative, admin) = await NewCooperative();
        var first = await Issue(cooperative, admin);
        var second = await Issue(cooperative, admin);

        await Expect.NoContent(await Api.As(admin).Delete(Routes.Key(cooperative, first.Split('.')[^2])));

        await AppKeyRefused(await Api.WithAppKey(first).Get(Routes.Cooperative(cooperative)));
        await Expect.Ok(await Api.WithAppKey(second).Get(Routes.Cooperative(cooperative)));
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_a_404()
    {
        var (cooperative, admin) = await NewCooperative();

        await Expect.Problem(await Api.As(admin).Delete(Routes.Key(cooperative, "0123456789abcdef")), HttpStatusCode.NotFound, "app-key-not-found");
    }

    public static TheoryData<string> WrongKeys => new(Tamperings.Keys);

    /// <summary>Ways to get a real key (gk.{cooperative}.{keyId}.{secret}) wrong.</summary>
    private static readonly Dictionary<string, Func<string, string, string, string>> Tamperings = new(StringComparer.Ordinal)
    {
        ["another secret"] = (cooperative, keyId, secret) => $"gk.{cooperative}.{keyId}.{Flip(secret)}",
        ["the secret cut short"] = (cooperative, keyId, secret) => $"gk.{cooperative}.{keyId}.{secret[..^1]}",
        ["the secret with more after it"] = (cooperative, keyId, secret) => $"gk.{cooperative}.{keyId}.{secret}x",
        ["an empty secret"] = (cooperative, keyId, _) => $"gk.{cooperative}.{keyId}.",
        ["an unknown key id"] = (cooperative, _, secret) => $"gk.{cooperative}.0123456789abcdef.{secret}",
        ["no gk prefix"] = (cooperative, keyId, secret) => $"{cooperative}.{keyId}.{secret}",
        ["the secret alone"] = (_, _, secret) => secret,
        ["an invalid cooperative id"] = (_, keyId, secret) => $"gk.no such coop.{keyId}.{secret}",
    };

    [Theory]
    [MemberData(nameof(WrongKeys))]
    public async Task A_wrong_key_for_a_real_cooperative_is_a_401(string tampering)
    {
        var (cooperative, admin) = await NewCooperative();
        var key = await Issue(cooperative, admin);
        var parts = key.Split('.');
        var wrong = Tamperings[tampering](cooperative, parts[^2], parts[^1]);

        await AppKeyRefused(await Api.WithAppKey(wrong).Get(Routes.Cooperative(cooperative)));
        await AppKeyRefused(await Api.WithAppKey(wrong).Get(Routes.Members(cooperative)));
    }

    [Fact]
    public async Task A_key_of_cooperative_A_is_a_404_on_cooperative_B()
    {
        var (first, firstAdmin) = await NewCooperative();
        var (second, secondAdmin) = await NewCooperative();
        var app = Api.WithAppKey(await Issue(first, firstAdmin));
        var proposal = await Api.CreateProposal(second);
        var before = await Api.As(secondAdmin).Observe(Routes.Cooperative(second), Routes.Members(second), Routes.Proposals(second), Routes.Keys(second));

        await Expect.Problem(await app.Get(Routes.Cooperative(second)), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await app.Get(Routes.Members(second)), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await app.Get(Routes.Proposal(second, proposal)), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await app.Put(Routes.Topic(second, "grab")), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await app.Post(Routes.Keys(second), new { name = "Mine now", scopes = Read }), HttpStatusCode.NotFound, "cooperative-not-found");

        Assert.Equal(before, await Api.As(secondAdmin).Observe(Routes.Cooperative(second), Routes.Members(second), Routes.Proposals(second), Routes.Keys(second)));
    }

    [Fact]
    public async Task An_admin_of_cooperative_B_cannot_revoke_a_key_of_cooperative_A()
    {
        var (first, firstAdmin) = await NewCooperative();
        var (second, secondAdmin) = await NewCooperative();
        var key = await Issue(first, firstAdmin);
        var before = await Api.As(firstAdmin).Observe(Routes.Keys(first));

        await Expect.Problem(await Api.As(secondAdmin).Delete(Routes.Key(second, key.Split('.')[^2])), HttpStatusCode.NotFound, "app-key-not-found");
        await Expect.Problem(await Api.As(secondAdmin).Delete(Routes.Key(first, key.Split('.')[^2])), HttpStatusCode.NotFound, "cooperative-not-found");

        Assert.Equal(before, await Api.As(firstAdmin).Observe(Routes.Keys(first)));
        await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Cooperative(first)));
    }

    [Fact]
    public async Task A_key_presented_under_another_cooperatives_name_is_a_401()
    {
        var (first, firstAdmin) = await NewCooperative();
        var (second, _) = await NewCooperative();
        var parts = (await Issue(first, firstAdmin)).Split('.');

        var relabelled = Api.WithAppKey($"gk.{second}.{parts[^2]}.{parts[^1]}");

        await AppKeyRefused(await relabelled.Get(Routes.Cooperative(second)));
        await AppKeyRefused(await relabelled.Get(Routes.Cooperative(first)));
    }

    [Fact]
    public async Task A_key_works_for_a_cooperative_whose_id_has_dots()
    {
        var admin = Ids.New("admin");
        var cooperative = $"{Ids.New("co")}.op.example";
        await Expect.Created(await Api.As(admin).Post(Routes.Cooperatives, new { id = cooperative, name = "Dotted" }), Routes.Cooperative(cooperative));
        var key = await Issue(cooperative, admin);

        Assert.StartsWith($"gk.{cooperative}.", key, StringComparison.Ordinal);
        var read = await Expect.Ok(await Api.WithAppKey(key).Get(Routes.Cooperative(cooperative)));
        Assert.Equal(cooperative, read.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_app_key_cannot_create_a_cooperative()
    {
        var (cooperative, admin) = await NewCooperative();
        var app = Api.WithAppKey(await Issue(cooperative, admin));
        var id = Ids.New("coop");

        await Expect.Problem(await app.Post(Routes.Cooperatives, new { id, name = "By an app" }), HttpStatusCode.Forbidden, "app-key-not-allowed");

        // Nobody made it: the admin can still create a cooperative with that id.
        await Expect.Created(await Api.As(admin).Post(Routes.Cooperatives, new { id, name = "By a person" }), Routes.Cooperative(id));
    }

    [Fact]
    public async Task With_both_an_app_key_and_an_admin_token_the_app_key_decides()
    {
        var (cooperative, admin) = await NewCooperative();
        var key = await Issue(cooperative, admin);
        var both = Api.WithCredentials(new Credentials(Tokens.For(admin), key));
        var before = await Api.As(admin).Observe(Routes.Cooperative(cooperative), Routes.Keys(cooperative));

        await Expect.Problem(await both.Put(Routes.Topic(cooperative, "grab")), HttpStatusCode.Forbidden, "app-key-not-allowed");
        await Expect.Problem(await both.Get(Routes.Keys(cooperative)), HttpStatusCode.Forbidden, "app-key-not-allowed");
        await Expect.Ok(await both.Get(Routes.Cooperative(cooperative)));

        Assert.Equal(before, await Api.As(admin).Observe(Routes.Cooperative(cooperative), Routes.Keys(cooperative)));
    }

    [Fact]
    public async Task Two_api_key_headers_are_a_401_even_when_both_are_good()
    {
        var (cooperative, admin) = await NewCooperative();
        var key = await Issue(cooperative, admin);
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Cooperative(cooperative));
        request.Headers.Add("X-Api-Key", [key, key]);

        await AppKeyRefused(await Api.Http.SendAsync(request));
    }

    public static TheoryData<string> BadScopes => new()
    {
        """{"name":"App","scopes":[]}""",
        """{"name":"App","scopes":["write"]}""",
        """{"name":"App","scopes":["read","admin"]}""",
        """{"name":"App","scopes":null}""",
        """{"name":"App"}""",
    };

    [Theory]
    [MemberData(nameof(BadScopes))]
    public async Task A_key_with_no_scope_or_a_scope_other_than_read_is_a_400_and_nothing_is_issued(string body)
    {
        var (cooperative, admin) = await NewCooperative();

        await Expect.Problem(await Api.As(admin).SendRaw(HttpMethod.Post, Routes.Keys(cooperative), body), HttpStatusCode.BadRequest, "invalid-scopes", "scopes");

        Assert.Equal("[]", (await Expect.Ok(await Api.As(admin).Get(Routes.Keys(cooperative)))).GetRawText());
    }

    private async Task<(string Cooperative, string Admin)> NewCooperative()
    {
        var admin = Ids.New("admin");
        return (await Api.CreateCooperative(members: [admin]), admin);
    }

    private async Task<string> Issue(string cooperative, string admin)
    {
        var issued = await Expect.Status(await Api.As(admin).Post(Routes.Keys(cooperative), new { name = "App", scopes = Read }), HttpStatusCode.Created);
        return issued.GetProperty("key").GetString()!;
    }

    private static async Task AppKeyRefused(HttpResponseMessage response)
    {
        await Expect.Problem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(["AppKey header=\"X-Api-Key\""], response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()));
    }

    private static string Flip(string secret) => (secret[0] == 'A' ? 'B' : 'A') + secret[1..];
}
