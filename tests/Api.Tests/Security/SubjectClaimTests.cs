using System.Text;

namespace Governance.Api.Tests.Security;

/// <summary>
/// A token names exactly one member: its subject claim holds one string. A token that gives the claim twice, or as
/// a list, is a 401 whichever value comes first, as is one with any claim named twice (RFC 7519, section 4, lets a
/// reader refuse those, and readers disagree on which value counts).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SubjectClaimTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_token_whose_sub_is_a_list_of_two_members_is_a_401_and_changes_nothing()
    {
        var (cooperative, proposal, member, founder) = await Setup();
        var token = TestTokens.Signed(member, descriptor => descriptor.Claims = new Dictionary<string, object> { ["sub"] = new List<string> { member, founder } });

        await RefusedAndNothingChanges(token, cooperative, proposal, member, founder);
    }

    [Fact]
    public async Task A_token_whose_sub_is_a_list_of_one_member_is_a_401()
    {
        var (cooperative, proposal, member, founder) = await Setup();
        var token = TestTokens.Signed(member, descriptor => descriptor.Claims = new Dictionary<string, object> { ["sub"] = new List<string> { member } });

        await RefusedAndNothingChanges(token, cooperative, proposal, member, founder);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_token_that_names_sub_twice_is_a_401_and_changes_nothing(bool memberFirst)
    {
        var (cooperative, proposal, member, founder) = await Setup();
        var (first, second) = memberFirst ? (member, founder) : (founder, member);
        var token = SignedAsWritten($$"""{"sub":"{{first}}","iss":"governance","aud":"governance",{{Times()}},"sub":"{{second}}"}""");

        await RefusedAndNothingChanges(token, cooperative, proposal, member, founder);
    }

    [Fact]
    public async Task A_token_that_names_another_claim_twice_is_a_401()
    {
        var (cooperative, proposal, member, founder) = await Setup();
        var token = SignedAsWritten($$"""{"sub":"{{member}}","iss":"governance","aud":"someone-else","aud":"governance",{{Times()}}}""");

        await RefusedAndNothingChanges(token, cooperative, proposal, member, founder);
    }

    [Fact]
    public async Task A_token_whose_header_names_alg_twice_is_a_401()
    {
        var (cooperative, proposal, member, founder) = await Setup();
        var token = SignedAsWritten($$"""{"sub":"{{member}}","iss":"governance","aud":"governance",{{Times()}}}""", """{"alg":"none","typ":"JWT","alg":"HS256"}""");

        await RefusedAndNothingChanges(token, cooperative, proposal, member, founder);
    }

    [Fact]
    public async Task The_same_payload_with_each_claim_once_is_accepted()
    {
        var (cooperative, proposal, member, _) = await Setup();
        var token = SignedAsWritten($$"""{"sub":"{{member}}","iss":"governance","aud":"governance",{{Times()}}}""");

        await Expect.Ok(await Api.WithCredentials(Credentials.Token(token)).Put(Routes.Vote(cooperative, proposal, member), new { choice = "no" }));
    }

    private async Task RefusedAndNothingChanges(string token, string cooperative, string proposal, string member, string founder)
    {
        var caller = Api.WithCredentials(Credentials.Token(token));
        string[] observed = [Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)];
        var before = await Api.As(founder).Observe(observed);

        foreach (var voter in new[] { member, founder })
        {
            var response = await caller.Put(Routes.Vote(cooperative, proposal, voter), new { choice = "no" });
            await Expect.Problem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        }

        Assert.Equal(before, await Api.As(founder).Observe(observed));
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

    private static string Times()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $$"""
            "iat":{{now}},"nbf":{{now}},"exp":{{now + 3600}}
            """;
    }

    /// <summary>A token signed HS256 with the test key over exactly this text, which no serializer would write.</summary>
    private static string SignedAsWritten(string payload, string header = """{"alg":"HS256","typ":"JWT"}""")
    {
        var unsigned = $"{TestTokens.Base64Url(Encoding.UTF8.GetBytes(header))}.{TestTokens.Base64Url(Encoding.UTF8.GetBytes(payload))}";
        return $"{unsigned}.{TestTokens.Base64Url(System.Security.Cryptography.HMACSHA256.HashData(Tokens.SigningKey, Encoding.ASCII.GetBytes(unsigned)))}";
    }
}
