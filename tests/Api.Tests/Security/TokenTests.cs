using System.Security.Cryptography;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Bearer tokens: only an HS256 token signed with the configured key, for issuer and audience "governance", within
/// its lifetime (30 s of clock skew), whose subject is a valid member id, lets a member in. Anything else is a 401
/// that changes nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TokenTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string> BadTokens => new(Forgeries.Keys);

    /// <summary>Each bad token, made for the member it pretends to be, where it names one.</summary>
    private static readonly Dictionary<string, Func<string, string>> Forgeries = new(StringComparer.Ordinal)
    {
        ["expired two minutes ago"] = member => TestTokens.Signed(member, token =>
        {
            token.IssuedAt = token.NotBefore = DateTime.UtcNow.AddHours(-1);
            token.Expires = DateTime.UtcNow.AddMinutes(-2);
        }),
        ["not valid for another ten minutes"] = member => TestTokens.Signed(member, token =>
        {
            token.NotBefore = DateTime.UtcNow.AddMinutes(10);
            token.Expires = DateTime.UtcNow.AddHours(1);
        }),
        ["without an expiry"] = member => TestTokens.Signed(member, token => token.Expires = null),
        ["signed with another key"] = member => TestTokens.Signed(member, key: RandomNumberGenerator.GetBytes(32)),
        ["for another audience"] = member => TestTokens.Signed(member, token => token.Audience = "someone-else"),
        ["without an audience"] = member => TestTokens.Signed(member, token => token.Audience = null),
        ["from another issuer"] = member => TestTokens.Signed(member, token => token.Issuer = "someone-else"),
        ["without an issuer"] = member => TestTokens.Signed(member, token => token.Issuer = null),
        ["with alg none and no signature"] = member => TestTokens.Handmade(new { alg = "none", typ = "JWT" }, TestTokens.ValidPayload(member), signWithHs512: false),
        ["with alg HS256 and no signature"] = member => TestTokens.Handmade(new { alg = "HS256", typ = "JWT" }, TestTokens.ValidPayload(member), signWithHs512: false),
        ["signed HS512 with the right key"] = member => TestTokens.Handmade(new { alg = "HS512", typ = "JWT" }, TestTokens.ValidPayload(member), signWithHs512: true),
        ["whose payload was changed after signing"] = member =>
            TestTokens.WithPayload(TestTokens.Signed(Ids.New("someone")), TestTokens.ValidPayload(member)),
        ["without a sub claim"] = _ => TestTokens.Signed("unused", token => token.Claims = new Dictionary<string, object>()),
        ["with an empty sub"] = _ => TestTokens.Signed(""),
        ["with a sub containing a space"] = member => TestTokens.Signed($"{member} x"),
        ["with a sub containing a slash"] = member => TestTokens.Signed($"{member}/x"),
        ["with a sub of 65 characters"] = _ => TestTokens.Signed(new string('a', 65)),
        ["that is not a token at all"] = _ => "not-a-token",
        ["of three garbage segments"] = _ => "abc.def.ghi",
        ["that is the right token cut short"] = member => TestTokens.Signed(member)[..^5],
        ["that is an app key"] = member => $"gk.{member}.abcdef.secret",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_a_401_with_a_bearer_challenge_and_changes_nothing(string forgery)
    {
        var (cooperative, proposal, member, founder) = await Setup();
        var forged = Api.WithCredentials(Credentials.Token(Forgeries[forgery](member)));
        string[] observed = [Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal), Routes.Delegations(cooperative, member)];
        var before = await Api.As(founder).Observe(observed);

        await Unauthenticated(await forged.Put(Routes.Vote(cooperative, proposal, member), new { choice = "no" }));
        await Unauthenticated(await forged.Put(Routes.DefaultDelegation(cooperative, member), new { delegateId = founder }));
        await Unauthenticated(await forged.Get(Routes.Cooperative(cooperative)));

        Assert.Equal(before, await Api.As(founder).Observe(observed));
    }

    [Fact]
    public async Task A_valid_token_built_the_same_way_lets_the_member_vote()
    {
        var (cooperative, proposal, member, _) = await Setup();
        var client = Api.WithCredentials(Credentials.Token(TestTokens.Signed(member)));

        var ballot = await Expect.Ok(await client.Put(Routes.Vote(cooperative, proposal, member), new { choice = "no" }));

        Assert.Equal("no", ballot.GetProperty("choice").GetString());
        await Expect.Ok(await client.Get(Routes.Cooperative(cooperative)));
        Expect.Tally(await Api.Tally(cooperative, proposal), "voting", 2, 2, (1, 1, 0), true, null);
    }

    [Fact]
    public async Task A_hand_made_HS256_token_with_the_right_key_is_accepted()
    {
        var (cooperative, proposal, member, _) = await Setup();
        var header = new { alg = "HS256", typ = "JWT" };
        var unsigned = TestTokens.Handmade(header, TestTokens.ValidPayload(member), signWithHs512: false).TrimEnd('.');
        var token = $"{unsigned}.{TestTokens.Base64Url(HMACSHA256.HashData(Tokens.SigningKey, System.Text.Encoding.ASCII.GetBytes(unsigned)))}";

        await Expect.Ok(await Api.WithCredentials(Credentials.Token(token)).Put(Routes.Vote(cooperative, proposal, member), new { choice = "no" }));
    }

    [Fact]
    public async Task A_token_that_expired_within_the_30_second_clock_skew_is_still_accepted()
    {
        var (cooperative, _, member, _) = await Setup();
        var token = TestTokens.Signed(member, descriptor =>
        {
            descriptor.IssuedAt = descriptor.NotBefore = DateTime.UtcNow.AddHours(-1);
            descriptor.Expires = DateTime.UtcNow.AddSeconds(-10);
        });

        await Expect.Ok(await Api.WithCredentials(Credentials.Token(token)).Get(Routes.Cooperative(cooperative)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(29)]
    public async Task A_token_expiring_within_the_clock_skew_of_the_calendars_end_is_accepted_on_every_request(int secondsBeforeTheEnd)
    {
        var (cooperative, _, member, _) = await Setup();
        var token = TestTokens.Signed(member, descriptor => descriptor.Expires = DateTime.MaxValue.AddSeconds(-secondsBeforeTheEnd));
        var client = Api.WithCredentials(Credentials.Token(token));

        await Expect.Ok(await client.Get(Routes.Cooperative(cooperative)));
        await Expect.Ok(await client.Get(Routes.Members(cooperative)));
    }

    [Fact]
    public async Task A_token_whose_subject_is_not_a_member_is_a_404_not_a_401()
    {
        var (cooperative, _, _, _) = await Setup();
        var stranger = Api.WithCredentials(Credentials.Token(TestTokens.Signed(Ids.New("stranger"))));

        await Expect.Problem(await stranger.Get(Routes.Cooperative(cooperative)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Fact]
    public async Task Claims_other_than_sub_grant_nothing()
    {
        var (cooperative, _, member, _) = await Setup();
        var token = TestTokens.Signed(member, descriptor => descriptor.Claims = new Dictionary<string, object>
        {
            ["sub"] = member,
            ["role"] = "admin",
            ["roles"] = new List<string> { "admin" },
            ["scope"] = "admin",
            ["governance/member"] = "founder",
        });

        var response = await Api.WithCredentials(Credentials.Token(token)).Put(Routes.Topic(cooperative, "grab"), null);

        await Expect.Problem(response, HttpStatusCode.Forbidden, "admin-only");
        Assert.DoesNotContain("grab", Expect.Strings((await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("topics")));
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("token")]
    public async Task A_token_in_the_query_string_is_not_read(string parameter)
    {
        var (cooperative, _, member, _) = await Setup();
        var path = Routes.WithQuery(Routes.Cooperative(cooperative), (parameter, TestTokens.Signed(member)));

        await Unauthenticated(await Api.Anonymous.Get(path));
    }

    [Fact]
    public async Task A_token_under_another_authorization_scheme_is_not_read()
    {
        var (cooperative, _, member, _) = await Setup();
        using var request = new HttpRequestMessage(HttpMethod.Get, Routes.Cooperative(cooperative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", TestTokens.Signed(member));

        await Unauthenticated(await Api.Http.SendAsync(request));
    }

    /// <summary>A cooperative with a founder and a member, and an open proposal on which the founder voted yes.</summary>
    private async Task<(string Cooperative, string Proposal, string Member, string Founder)> Setup()
    {
        string founder = Ids.New("founder"), member = Ids.New("member");
        var cooperative = await Api.CreateCooperative(members: [founder, member]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, founder, "yes");
        return (cooperative, proposal, member, founder);
    }

    private static async Task Unauthenticated(HttpResponseMessage response)
    {
        await Expect.Problem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(["Bearer"], response.Headers.WwwAuthenticate.Select(challenge => challenge.Scheme));
    }
}
